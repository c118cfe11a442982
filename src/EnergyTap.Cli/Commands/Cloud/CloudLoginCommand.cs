using System.CommandLine;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudLoginCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("login",
            "Log in now and cache the token (mode 0600) so later commands do not log in again. Credentials come from "
            + $"{CloudCredentialsSource.EmailVariable}/{CloudCredentialsSource.PasswordVariable} or a prompt, never from arguments.", withGateway: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = o.CreateClient(parse, out var store);
            var login = await client.LoginAsync(ct);
            var gateways = await client.GetGatewaysAsync(ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(new { login.Account, login.UserId, TokenFile = store.Path, Gateways = gateways });
                return 0;
            }

            Console.Out.WriteLine($"Logged in to {client.BaseUri} as {login.Account}; token cached in {store.Path}");
            Console.Out.WriteLine($"{gateways.Count} gateway(s): {string.Join(", ", gateways.Select(g => g.Id))}");
            return 0;
        });
        return command;
    }
}
