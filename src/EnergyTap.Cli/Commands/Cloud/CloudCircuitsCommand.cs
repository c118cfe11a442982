using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Cloud.SmartCircuits;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudCircuitsCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("circuits",
            "Show the smart circuits, or switch one: `circuits 1 on`, `circuits 2 off`. Circuit 3 is the V2L (CarSW) port: use `cloud v2l`.");
        var args = new Argument<string[]>("circuit-and-state") { Description = "N on|off (N = 1 or 2); omit to show.", Arity = new ArgumentArity(0, 2) };
        command.Arguments.Add(args);
        command.SetAction(async (parse, ct) =>
        {
            var change = Parse(parse.GetValue(args) ?? []);
            using var client = o.CreateClient(parse);
            var gateway = await o.GatewayIdAsync(client, parse, ct);
            var info = change is { } c
                ? await client.SetSmartCircuitAsync(gateway, c.Circuit, c.On, ct)
                : await client.GetSmartCircuitsAsync(gateway, ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(new { GatewayId = gateway, info.Circuits, info.ModeChoose, info.V2lModeEnable, info.V2lRunState, info.V2lRunStateText });
                return 0;
            }

            Print(gateway, info);
            return 0;
        });
        return command;
    }

    private static (int Circuit, bool On)? Parse(string[] values) => values switch
    {
        [] => null,
        [var n, var state] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var circuit) && circuit is 1 or 2
            && state.ToLowerInvariant() is "on" or "off" => (circuit, state.Equals("on", StringComparison.OrdinalIgnoreCase)),
        [var n, _] when n == "3" => throw new UsageException("circuit 3 is the V2L (CarSW) port; use `energytap cloud v2l on|off --i-accept-speculative`."),
        _ => throw new UsageException("expected `circuits N on|off` with N = 1 or 2, or no arguments to show them."),
    };

    private static void Print(string gateway, SmartCircuitsInfo info)
    {
        Console.Out.WriteLine($"Gateway {gateway}");
        foreach (var c in info.Circuits)
        {
            Console.Out.WriteLine($"  {c.Number}  {c.Name ?? "(no name)",-16} {(c.IsOn switch { true => "on", false => "off", null => "n/a" })}{(c.Number == 3 ? "  (V2L / CarSW port)" : "")}");
        }
    }
}
