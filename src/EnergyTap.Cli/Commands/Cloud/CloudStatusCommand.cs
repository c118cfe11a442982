using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Cloud.Modes;
using EnergyTap.FranklinWH.Cloud.Stats;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudStatusCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("status",
            "Live power flow and today's energy from the cloud (getDeviceCompositeInfo). Battery: positive = discharging, "
            + "negative = charging. Grid: positive = importing, negative = exporting.");
        var details = new Option<bool>("--v2l-details")
        {
            Description = "Also ask the aGate for the V2L contactor (cmdType 211) and V2L power/energy (cmdType 353): two extra relayed commands.",
        };
        command.Options.Add(details);
        command.SetAction(async (parse, ct) =>
        {
            using var client = o.CreateClient(parse);
            var gateway = await o.GatewayIdAsync(client, parse, ct);
            var extras = parse.GetValue(details);
            var stats = await client.GetStatsAsync(gateway, new StatsQuery { IncludeElectrical = extras, IncludeAccessories = extras }, ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(stats);
                return 0;
            }

            Print(stats, extras);
            return 0;
        });
        return command;
    }

    // The V2L contactor and energy come from two relayed aGate commands only sent on request; "n/a" would
    // read as "the aGate does not know" while `cloud v2l` shows the numbers.
    private const string NotAsked = "not read (add --v2l-details)";

    private static void Print(CloudStats stats, bool extras)
    {
        Console.Out.WriteLine($"Gateway {stats.GatewayId}");
        if (stats.IsStale)
        {
            Console.Out.WriteLine(stats.ValuesAt is { } at
                ? $"STALE: the cloud has no fresh data (valid:false); values below are from {at.ToString("u", CultureInfo.InvariantCulture)}."
                : "STALE: the cloud has no fresh data yet (valid:false); try again in a few seconds.");
        }

        if (stats.Current is not { } c || stats.Totals is not { } t)
        {
            return;
        }

        CloudText.Rows(
            ("solar", CloudText.Kw(c.SolarKw)),
            ("home load", CloudText.Kw(c.LoadKw)),
            ("battery", $"{CloudText.Kw(c.BatteryKw)} ({(c.BatteryKw is < 0 ? "charging" : c.BatteryKw is > 0 ? "discharging" : "idle")}), SoC {CloudText.Pct(c.SocPercent)}"),
            ("grid", $"{CloudText.Kw(c.GridKw)} ({(c.GridKw is < 0 ? "exporting" : c.GridKw is > 0 ? "importing" : "idle")}), {c.GridConnection}"),
            ("generator", $"{CloudText.Kw(c.GeneratorKw)}, enabled {CloudText.YesNo(c.GeneratorEnabled)}, {c.GeneratorStatusText}"),
            ("V2L", $"licensed {CloudText.YesNo(c.V2lEnabled)}, {c.V2lStatusText}, use {CloudText.Kw(c.V2lUseKw)}, contactor {(extras ? CloudText.Raw(c.V2lRelay) : NotAsked)}"),
            ("work mode", stats.CurrentWorkMode is { } wm ? $"{WorkModeNames.Name((WorkMode)wm)} ({wm})" : "n/a"),
            ("active mode", c.ActiveModeId is { } id ? $"{c.ModeName ?? "(no name)"} (id {id})" : "n/a"),
            ("today solar", CloudText.Kwh(t.SolarKwh)),
            ("today load", CloudText.Kwh(t.LoadKwh)),
            ("today battery", $"charged {CloudText.Kwh(t.BatteryChargeKwh)}, discharged {CloudText.Kwh(t.BatteryDischargeKwh)}"),
            ("today grid", $"imported {CloudText.Kwh(t.GridImportKwh)}, exported {CloudText.Kwh(t.GridExportKwh)}"),
            ("today generator", $"{CloudText.Kwh(t.GeneratorKwh)}, load served {CloudText.Kwh(t.GeneratorLoadKwh)}"),
            ("today V2L", extras ? $"exported {CloudText.Kwh(t.V2lExportKwh)}, imported {CloudText.Kwh(t.V2lImportKwh)}" : NotAsked));
    }
}
