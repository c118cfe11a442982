using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class SimulateCommands
{
    public static Command Create()
    {
        var simulate = new Command("simulate", "Run a device simulator (aGate, PVS, cloud) on loopback, for trying EnergyTap without hardware.");
        foreach (var command in new[] { SimulateAgateCommand.Create(), SimulatePvsCommand.Create(), SimulateCloudCommand.Create() })
        {
            if (!command.Hidden)
            {
                simulate.Subcommands.Add(command);
            }
        }

        simulate.Hidden = simulate.Subcommands.Count == 0;
        return simulate;
    }
}
