using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class SimulateAgateCommand
{
    public static Command Create() => new("agate") { Hidden = true };
}
