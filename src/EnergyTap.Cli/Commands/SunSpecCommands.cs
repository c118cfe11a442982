using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class SunSpecCommands
{
    public static Command Create() => new("sunspec", "Scan, read and write SunSpec devices by point name.") { Hidden = true };
}
