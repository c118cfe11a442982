using System.CommandLine;
using EnergyTap.Cli.Commands.Cloud;

namespace EnergyTap.Cli.Commands;

internal static class CloudCommands
{
    public static Command Create()
    {
        var cloud = new Command("cloud",
            "FranklinWH cloud: stats, generator, accessories, smart circuits, modes, reserve, V2L. Credentials from "
            + $"{CloudCredentialsSource.EmailVariable} and {CloudCredentialsSource.PasswordVariable} or a prompt; the token is cached "
            + $"under ${FileTokenStore.ConfigDirVariable} (default ~/.config/energytap).");
        foreach (var command in new[]
        {
            CloudLoginCommand.Create(), CloudGatewaysCommand.Create(), CloudStatusCommand.Create(), CloudGeneratorCommand.Create(),
            CloudAccessoriesCommand.Create(), CloudCircuitsCommand.Create(), CloudModeCommand.Create(), CloudReserveCommand.Create(),
            CloudV2lCommand.Create(),
        })
        {
            cloud.Subcommands.Add(command);
        }

        return cloud;
    }
}
