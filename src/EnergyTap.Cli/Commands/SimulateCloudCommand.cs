using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class SimulateCloudCommand
{
    public static Command Create() => new("cloud") { Hidden = true };
}
