using System.CommandLine;
using EnergyTap.Cli.Commands.Manage;

namespace EnergyTap.Cli.Commands;

internal static class ManageCommands
{
    public static Command Create() => new("manage", "The energy manager: replay its loop and planner against a recorded trace.")
    {
        ReplayCommand.Create(),
    };
}
