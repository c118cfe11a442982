using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class SimulatePvsCommand
{
    public static Command Create() => new("pvs") { Hidden = true };
}
