using EnergyTap.FranklinWH.Agate.Revert;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>
/// Where the aGate command record lives. `serve`, `demo` and every `agate` command resolve it the same way, so
/// all of them share one record of each battery's active command, its owner and its deadline.
/// </summary>
internal static class StateFiles
{
    public const string DirectoryVariable = "ENERGYTAP_STATE_DIR";

    /// <summary>--state-file when given, else $ENERGYTAP_STATE_DIR/agate-commands.json, else the XDG default.</summary>
    public static string AgateCommands(string? explicitPath = null)
    {
        if (explicitPath is { Length: > 0 })
        {
            return Path.GetFullPath(explicitPath);
        }

        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        return string.IsNullOrWhiteSpace(directory) ? RevertStore.DefaultPath() : Path.Combine(directory, "agate-commands.json");
    }
}
