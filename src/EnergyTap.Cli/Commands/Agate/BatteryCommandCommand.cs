using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>charge W, discharge W and idle: the verified command sequence, with an optional software revert.</summary>
internal static class BatteryCommandCommand
{
    public static Command Create(BatteryCommandKind kind)
    {
        var connection = new AgateConnection();
        var route = new ServerRoute();
        var json = CommonOptions.Json();
        var revert = new Option<int?>("--revert")
        {
            Description = "Release after this many seconds. The CLI stays in the foreground with a countdown and releases on Ctrl-C or at the deadline; "
                + "the deadline is also saved, so if this process is killed the next EnergyTap run after it releases the command. "
                + "Without --revert the command persists until 'energytap agate stop' (the aGate never reverts by itself). "
            + "Through a server, the server holds the deadline (its maximum when --revert is not given) and this command returns at once.",
        };
        var rampTarget = new Option<double?>("--ramp-target") { Description = "SoC ramp: state of charge (%) to taper towards; needs --ramp-window." };
        var rampWindow = new Option<double?>("--ramp-window") { Description = "SoC ramp: within this many % of --ramp-target, power falls linearly (minimum 300 W); at the target the command becomes idle." };
        var watts = new Argument<int>("watts") { Description = "Battery power in watts (positive; the command gives the direction). Refused above the aGate's rating." };
        var name = kind.ToString().ToLowerInvariant();
        var command = new Command(name, kind switch
        {
            BatteryCommandKind.Charge => "Charge the battery at WATTS (WSetPct, sign inverted for the aGate), verified by reading back.",
            BatteryCommandKind.Discharge => "Discharge the battery at WATTS, verified; refused at or below --reserve state of charge.",
            _ => "Hold the battery at 0 W under Modbus control (suspends the aGate's own mode), verified.",
        });
        if (kind != BatteryCommandKind.Idle)
        {
            command.Arguments.Add(watts);
            command.Options.Add(rampTarget);
            command.Options.Add(rampWindow);
        }

        connection.AddTo(command);
        route.AddTo(command);
        command.Options.Add(revert);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var battery = kind == BatteryCommandKind.Idle ? BatteryCommand.Idle : new BatteryCommand(kind, parse.GetValue(watts));
            if (battery.Watts < 0)
            {
                throw new UsageException($"{name} power must be positive (got {battery.Watts} W); the command gives the direction");
            }

            var seconds = parse.GetValue(revert);
            if (seconds is <= 0)
            {
                throw new UsageException("--revert must be a positive number of seconds");
            }

            var ramp = Ramp(parse.GetValue(rampTarget), parse.GetValue(rampWindow));
            var (host, port) = connection.Endpoint(parse);
            using var target = await route.ResolveAsync(parse, host, port, ct);
            if (target is not null)
            {
                return ramp is null
                    ? await ThroughServer.SendAsync(target, battery, seconds is { } r ? TimeSpan.FromSeconds(r) : null, parse.GetValue(json), ct)
                    : throw new UsageException("a SoC ramp runs inside the CLI, not the server; add --direct to run it here");
            }

            return await connection.RunAsync(parse, ct, controller => RunAsync(controller, battery, seconds is { } s ? TimeSpan.FromSeconds(s) : null, parse.GetValue(json), ct), ramp);
        });
        return command;
    }

    private static async Task<int> RunAsync(AgateController controller, BatteryCommand battery, TimeSpan? revert, bool json, CancellationToken ct)
    {
        var result = await controller.SendAsync(battery, revert, ct);
        if (json)
        {
            Output.WriteJson(result);
        }
        else
        {
            var sent = result.Sent == result.Requested ? result.Sent.ToString() : $"{result.Sent} (SoC ramp; asked {result.Requested})";
            Console.Out.WriteLine($"{sent}: WSetPct {result.WSetPct} % of {result.Ratings.For(result.Sent.Kind):0} W, verified.");
        }

        if (revert is null)
        {
            Console.Error.WriteLine("energytap: warning: this command persists until 'energytap agate stop'; the aGate never reverts it by itself.");
            return 0;
        }

        Console.Out.WriteLine($"Releasing in {AgateConnection.Seconds(revert.Value)} at {result.Deadline:u}; Ctrl-C releases now.");
        Console.Error.WriteLine("energytap: note: if this process is killed, the command stays active until the next EnergyTap run releases it (any agate command after the deadline).");
        var interactive = !Console.IsOutputRedirected;
        var lastPrinted = TimeSpan.MaxValue;
        var released = await controller.HoldUntilDeadlineAsync(left =>
        {
            if (interactive)
            {
                Console.Out.Write($"\r{AgateConnection.Seconds(left)} left   ");
            }
            else if (lastPrinted - left >= TimeSpan.FromSeconds(10))
            {
                Console.Out.WriteLine($"{AgateConnection.Seconds(left)} left");
                lastPrinted = left;
            }
        }, ct);
        Console.Out.WriteLine((interactive ? "\r" : "") + (ct.IsCancellationRequested ? "Interrupted: " : "") + $"released ({released.Released?.Command.ToString() ?? "nothing recorded"}); the aGate runs its own mode again.");
        return ct.IsCancellationRequested ? CliRunner.Interrupted : 0;
    }

    private static SocRamp? Ramp(double? target, double? window)
    {
        if (target is null && window is null)
        {
            return null;
        }

        if (target is not { } t || window is not { } w || t is < 0 or > 100 || w is <= 0 or > 100)
        {
            throw new UsageException("--ramp-target (0..100 %) and --ramp-window (>0 %) go together");
        }

        return new SocRamp(t, w);
    }
}
