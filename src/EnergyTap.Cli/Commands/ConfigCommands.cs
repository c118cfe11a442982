using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class ConfigCommands
{
    public static Command Create() => new("config", "Write and check the configuration file.") { Hidden = true };
}
