using EnergyTap.FranklinWH.Agate.Revert;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>
/// Where EnergyTap processes of one user leave state for each other: $ENERGYTAP_STATE_DIR, else the folder of
/// the aGate state file ($XDG_STATE_HOME/energytap, ~/.local/state/energytap on Linux). `serve`, `demo` and every
/// CLI command resolve it the same way, so they share one record of each battery's command and one PVS door.
/// </summary>
internal static class StateDirectory
{
    public const string Variable = "ENERGYTAP_STATE_DIR";

    public static string Root =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : Path.GetDirectoryName(RevertStore.DefaultPath())!;

    /// <summary>The per-PVS locks, last request times and DeviceList answers every process shares.</summary>
    public static string Pvs => Path.Combine(Root, "pvs");

    /// <summary>The aGate command record: --state-file when given, else agate-commands.json in <see cref="Root"/>.</summary>
    public static string AgateCommands(string? explicitPath = null) =>
        explicitPath is { Length: > 0 } ? Path.GetFullPath(explicitPath) : Path.Combine(Root, "agate-commands.json");
}
