using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Commands.Cloud;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Modes;
using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Gateways;
using EnergyTap.FranklinWH.Cloud.Modes;
using EnergyTap.FranklinWH.Cloud.Stats;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>
/// Shows the native mode (15507); with --cloud learns which number means which mode on this aGate from
/// the cloud; with a mode name writes a number learned that way, and no other.
/// </summary>
internal static class ModeCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var cloud = new CloudCliOptions();
        var target = new Argument<string?>("mode")
        {
            Description = "tou, self or backup: switch the aGate's native mode by Modbus (15507). Only a number confirmed on this aGate "
                + "with --cloud is written; writing 15507 resets the reserves. Omit to show.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var probe = new Option<bool>("--probe")
        {
            Description = "Also find out whether 15507-15509 take writes (SPAN Modbus unlock). This WRITES: the self reserve (15508) is moved by 1 % "
                + "and restored, verified. Without it nothing is written.",
        };
        var withCloud = new Option<bool>("--cloud")
        {
            Description = "Ask the FranklinWH cloud which work mode runs now (credentials as for `energytap cloud`) and remember which 15507 number "
                + "means it on this aGate. The gateway is the aGate's own serial when the account has it, else --gateway.",
        };
        var command = new Command("mode", "Show the aGate's native mode (15507, raw number beside the name; the numbering is unsettled, so a name is "
            + "trusted only once the cloud confirmed it on this aGate) and reserves (15508, 15509), or switch it.");
        connection.AddTo(command);
        command.Arguments.Add(target);
        foreach (var option in new Option[] { cloud.Json, probe, withCloud, cloud.BaseUrl, cloud.Gateway })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            WorkMode? wanted = parse.GetValue(target) is { } text
                ? WorkModeNames.TryParse(text, out var m) ? m : throw new UsageException($"mode must be tou, self or backup, not '{text}'.")
                : null;
            return connection.RunAsync(parse, ct, async controller =>
            {
                var store = new ConfirmedModeStore(connection.ConfirmedModesPath(parse));
                var key = controller.Nameplate.SerialNumber?.Trim() is { Length: > 0 } serial ? serial : $"{connection.Endpoint(parse).Host}:{connection.Endpoint(parse).Port}";
                var confirmed = await store.LoadAsync(key, ct);
                if (parse.GetValue(withCloud))
                {
                    confirmed = await ConfirmWithCloudAsync(controller, cloud, parse, store, key, confirmed, ct);
                }

                if (parse.GetValue(probe))
                {
                    await controller.ProbeExtensionAccessAsync(ct);
                }

                if (wanted is { } mode)
                {
                    return await ChangeAsync(controller, mode, confirmed, parse.GetValue(cloud.Json), ct);
                }

                var reading = await controller.ReadNativeModeAsync(ct);
                if (parse.GetValue(cloud.Json))
                {
                    Output.WriteJson(new { reading.Mode, reading.SelfReservePercent, reading.TouReservePercent, reading.Access, Confirmed = Pairs(confirmed) });
                    return 0;
                }

                Console.Out.WriteLine(AgateStatusView.Mode(reading));
                Console.Out.WriteLine(Confirmation(reading.Mode.Raw, confirmed));
                return 0;
            });
        });
        return command;
    }

    /// <summary>
    /// Reads 15507, the cloud's work mode, then 15507 again: only a pair read while the aGate stayed put and the
    /// cloud had fresh data is evidence (a mode change reaches the other side seconds later).
    /// </summary>
    private static async Task<ConfirmedModes> ConfirmWithCloudAsync(AgateController controller, CloudCliOptions cloud, ParseResult parse,
        ConfirmedModeStore store, string key, ConfirmedModes confirmed, CancellationToken ct)
    {
        using var client = cloud.CreateClient(parse);
        var gateway = await GatewayAsync(client, cloud, parse, controller.Nameplate.SerialNumber, ct);
        var before = (await controller.ReadNativeModeAsync(ct)).Mode.Raw;
        var stats = await client.GetStatsAsync(gateway, new StatsQuery(), ct);
        var after = (await controller.ReadNativeModeAsync(ct)).Mode.Raw;
        if (before is not { } raw || before != after || stats.IsStale || stats.CurrentWorkMode is not { } workMode || !Enum.IsDefined((WorkMode)workMode))
        {
            Console.Error.WriteLine("energytap: nothing confirmed: the aGate's mode changed while the cloud was asked, or the cloud had no fresh work mode; try again in a minute.");
            return confirmed;
        }

        var (updated, outcome) = confirmed.Observe(raw, (WorkMode)workMode);
        var name = WorkModeNames.Name((WorkMode)workMode);
        Console.Error.WriteLine(outcome switch
        {
            ModeObservation.Confirmed => $"energytap: confirmed on this aGate: 15507 = {raw} is {name} (the cloud, gateway {gateway}, says {name}).",
            ModeObservation.AlreadyConfirmed => $"energytap: the cloud agrees: 15507 = {raw} is {name}.",
            _ => $"energytap: warning: the cloud says {name} while 15507 = {raw} contradicts an earlier confirmation; both are forgotten until seen again.",
        });
        if (outcome != ModeObservation.AlreadyConfirmed)
        {
            await store.SaveAsync(key, updated, ct);
        }

        return updated;
    }

    private static async Task<string> GatewayAsync(FranklinCloudClient client, CloudCliOptions cloud, ParseResult parse, string? serial, CancellationToken ct)
    {
        if (parse.GetValue(cloud.Gateway) is null && serial?.Trim() is { Length: > 0 } own)
        {
            try
            {
                return (await client.ResolveGatewayAsync(own, ct)).Id;
            }
            catch (GatewayNotFoundException)
            {
                // The account names this aGate otherwise; fall back to its only gateway or --gateway.
            }
        }

        return await cloud.GatewayIdAsync(client, parse, ct);
    }

    private static async Task<int> ChangeAsync(AgateController controller, WorkMode mode, ConfirmedModes confirmed, bool json, CancellationToken ct)
    {
        ModeChange change;
        try
        {
            change = await controller.ChangeModeAsync(mode, confirmed, ct);
        }
        catch (AgateCommandRefusedException ex) when (confirmed.RawOf(mode) is null)
        {
            // The library says the number is unconfirmed; how to confirm it is the CLI's to say.
            throw new AgateCommandRefusedException($"{ex.Message}: put the aGate in {WorkModeNames.Name(mode)} once (app or `energytap cloud mode`) "
                + "and run `energytap agate mode --cloud`");
        }

        if (json)
        {
            Output.WriteJson(change);
            return 0;
        }

        if (!change.Changed)
        {
            Console.Out.WriteLine($"The aGate is already in {WorkModeNames.Name(mode)} (15507 = {change.After.Mode.Raw}); nothing written.");
            return 0;
        }

        var was = change.Before.Mode.Raw is { } old ? confirmed.ModeOf(old) is { } known ? $"{WorkModeNames.Name(known)} ({old})" : $"15507 = {old}" : "unknown";
        Console.Out.WriteLine($"Native mode now {WorkModeNames.Name(mode)} (15507 = {change.After.Mode.Raw}, read back); it was {was}.");
        if (change.ReservesReset)
        {
            Console.Out.WriteLine($"The write reset the reserves: self {Percent(change.Before.SelfReservePercent)} → {Percent(change.After.SelfReservePercent)}, "
                + $"TOU {Percent(change.Before.TouReservePercent)} → {Percent(change.After.TouReservePercent)}; set them again with `energytap cloud reserve`.");
        }

        if (change.Before.Mode.Raw is { } previous && confirmed.ModeOf(previous) is { } back)
        {
            Console.Out.WriteLine($"To go back: energytap agate mode {WorkModeNames.Name(back)} (same connection options).");
        }

        return 0;
    }

    private static string Confirmation(int? raw, ConfirmedModes confirmed)
    {
        var known = confirmed.ByRaw.Count == 0 ? "none yet (run with --cloud)" : string.Join(", ", Pairs(confirmed).Select(p => $"{p.Raw} = {p.Mode}"));
        var now = raw is { } r && confirmed.ModeOf(r) is { } mode ? $"15507 = {r} is {WorkModeNames.Name(mode)}, confirmed by the cloud. " : "";
        return $"{now}Confirmed on this aGate: {known}.";
    }

    private static IEnumerable<ConfirmedPair> Pairs(ConfirmedModes confirmed) =>
        confirmed.ByRaw.OrderBy(p => p.Key).Select(p => new ConfirmedPair(p.Key, WorkModeNames.Name(p.Value)));

    private sealed record ConfirmedPair(int Raw, string Mode);

    private static string Percent(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) + " %" : "?";
}
