using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class SequenceCommands
{
    public static Command Create() => new("sequence", "Run JSON sequences of SunSpec writes, reads and waits.") { Hidden = true };
}
