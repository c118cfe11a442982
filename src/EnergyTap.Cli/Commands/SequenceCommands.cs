using System.CommandLine;
using EnergyTap.Cli.Commands.Sequencing;

namespace EnergyTap.Cli.Commands;

internal static class SequenceCommands
{
    public static Command Create() => new("sequence", "Run JSON sequences of SunSpec writes, reads and waits (seed 002 format; see examples/sequences).")
    {
        SequenceRunCommand.Create(),
        SequenceCheckCommand.Create(),
    };
}
