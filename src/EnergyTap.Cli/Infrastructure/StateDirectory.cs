using EnergyTap.FranklinWH.Agate.Revert;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>
/// Where EnergyTap processes of one user leave state for each other: $ENERGYTAP_STATE_DIR, else the folder of
/// the aGate state file ($XDG_STATE_HOME/energytap, ~/.local/state/energytap on Linux).
/// </summary>
internal static class StateDirectory
{
    public static string Root =>
        Environment.GetEnvironmentVariable("ENERGYTAP_STATE_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetDirectoryName(RevertStore.DefaultPath())!;

    /// <summary>The per-PVS locks, last request times and DeviceList answers every process shares.</summary>
    public static string Pvs => Path.Combine(Root, "pvs");
}
