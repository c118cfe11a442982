using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Cloud.Stats;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudV2lCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("v2l",
            "Show V2L (vehicle-to-load) eligibility and state, or switch it. Switching is SPECULATIVE (an unverified "
            + "cmdType 311 Sw3 write) and needs --i-accept-speculative; it is refused unless the hardware is V2L capable, "
            + "the gateway is licensed (v2lModeEnable) and the grid relay is open.");
        var state = new Argument<string?>("state") { Description = "on or off; omit to show.", Arity = ArgumentArity.ZeroOrOne };
        var accept = new Option<bool>("--i-accept-speculative") { Description = "Required to switch: you accept that this command is unverified on real hardware." };
        command.Arguments.Add(state);
        command.Options.Add(accept);
        command.SetAction(async (parse, ct) =>
        {
            bool? enable = parse.GetValue(state)?.ToLowerInvariant() switch
            {
                null => null,
                "on" => true,
                "off" => false,
                var other => throw new UsageException($"v2l state must be on or off, not '{other}'."),
            };
            if (enable is not null && !parse.GetValue(accept))
            {
                throw new UsageException("V2L switching is speculative (never verified on real hardware); add --i-accept-speculative to send it anyway.");
            }

            using var client = o.CreateClient(parse);
            var gateway = await o.GatewayIdAsync(client, parse, ct);
            if (enable is { } on)
            {
                Console.Error.WriteLine("energytap: warning: sending a SPECULATIVE V2L command (cmdType 311 Sw3); watch the aGate and the FranklinWH app.");
                await client.SetV2lModeAsync(gateway, on, acceptSpeculative: true, ct);
            }

            var discovery = await client.DiscoverAsync(gateway, ct);
            var stats = await client.GetStatsAsync(gateway, new StatsQuery { IncludeElectrical = discovery.V2lEligible, IncludeAccessories = discovery.V2lEligible }, ct);
            var c = stats.Current;
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(new
                {
                    GatewayId = gateway, discovery.V2lEligible, discovery.V2lNote, stats.IsStale,
                    Licensed = c?.V2lEnabled, RunState = c?.V2lStatus, RunStateText = c?.V2lStatusText, UseKw = c?.V2lUseKw, Relay = c?.V2lRelay,
                    Grid = c?.GridConnection, ExportKwh = stats.Totals?.V2lExportKwh, ImportKwh = stats.Totals?.V2lImportKwh,
                });
                return 0;
            }

            CloudText.Rows(
                ("gateway", gateway),
                ("capable", $"{CloudText.YesNo(discovery.V2lEligible)}: {discovery.V2lNote}"),
                ("licensed", CloudText.YesNo(c?.V2lEnabled)),
                ("state", c?.V2lStatusText ?? "n/a"),
                ("power", CloudText.Kw(c?.V2lUseKw)),
                ("grid", c?.GridConnection.ToString() ?? "n/a"),
                ("today", $"exported {CloudText.Kwh(stats.Totals?.V2lExportKwh)}, imported {CloudText.Kwh(stats.Totals?.V2lImportKwh)}"));
            return 0;
        });
        return command;
    }
}
