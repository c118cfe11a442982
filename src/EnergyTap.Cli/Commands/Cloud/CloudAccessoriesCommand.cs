using System.CommandLine;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudAccessoriesCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("accessories", "Installed accessories, whether a generator is present, and whether V2L is possible (and why not).");
        command.SetAction(async (parse, ct) =>
        {
            using var client = o.CreateClient(parse);
            var gateway = await o.GatewayIdAsync(client, parse, ct);
            var snapshot = await client.DiscoverAsync(gateway, ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(snapshot);
                return 0;
            }

            Console.Out.WriteLine($"Gateway {gateway}");
            foreach (var a in snapshot.Accessories)
            {
                Console.Out.WriteLine($"  {a.Type}  {a.Description}{(a.Sku is null ? "" : $" ({a.Sku})")}{(a.Serial is null ? "" : $"  sn {a.Serial}")}");
            }

            if (snapshot.Accessories.Count == 0)
            {
                Console.Out.WriteLine("  no accessories");
            }

            CloudText.Rows(
                ("hardware", snapshot.HardwareVersion is { } hw ? $"sysHdVersion {hw}" : "n/a"),
                ("batteries", $"{snapshot.Batteries.Count} aPower{(snapshot.Batteries.Count == 1 ? "" : "s")}"),
                ("generator", CloudText.YesNo(snapshot.HasGenerator)),
                ("V2L capable", $"{CloudText.YesNo(snapshot.V2lEligible)}: {snapshot.V2lNote}"));
            return 0;
        });
        return command;
    }
}
