using System.CommandLine;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudGatewaysCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("gateways", "List the aGates on the account (ids for --gateway).", withGateway: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = o.CreateClient(parse);
            var gateways = await client.GetGatewaysAsync(ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(gateways);
                return 0;
            }

            foreach (var g in gateways)
            {
                Console.Out.WriteLine($"{g.Id}  {g.Name ?? "(no name)"}  {(g.Status == 1 ? "online" : g.Status == 0 ? "offline" : "status " + CloudText.Raw(g.Status))}  firmware {g.Version ?? "n/a"}  hardware {g.HardwareVersion ?? "n/a"}");
            }

            return 0;
        });
        return command;
    }
}
