using System.CommandLine;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Manager;
using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Loop;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;
using EnergyTap.Manager.Prices;
using EnergyTap.Manager.Replay;

namespace EnergyTap.Cli.Commands.Manage;

/// <summary>`energytap manage replay`: the real loop (and planner) against a simulated battery fed by a trace CSV.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var trace = new Option<string?>("--trace") { Description = "Trace CSV: header time,load_w,pv_w, UTC ISO 8601 times at a fixed step of 1–60 s. Or --from-history." };
        var fromHistory = new Option<bool>("--from-history") { Description = "Replay a site's own stored days (home load and solar from the history database) instead of --trace." };
        var site = new Option<string?>("--site") { Description = "With --from-history: the site whose days are replayed." };
        var days = new Option<int>("--days") { Description = "With --from-history: how many whole UTC days before today (1–31).", DefaultValueFactory = _ => 1 };
        var db = new Option<string?>("--db") { Description = "With --from-history: the SQLite history database (default as for `energytap history`)." };
        var postgres = new Option<string?>("--postgres") { Description = "With --from-history: read PostgreSQL instead." };
        var prices = new Option<string>("--prices") { Description = "Import prices: a JSON array [{\"start\",\"end\",\"value\"}] (currency per kWh) covering the trace.", Required = true };
        var exportPrices = new Option<string?>("--export-prices") { Description = "Export prices, same form (0 when absent)." };
        var policy = new Option<string>("--policy") { Description = "self-consumption, tou or native.", Required = true };
        policy.AcceptOnlyFromAmong("self-consumption", "tou", "native");
        var exportLimit = new Option<double?>("--export-limit") { Description = "Export at most this many W (the battery absorbs the rest when it can)." };
        var peakShave = new Option<double?>("--peak-shave") { Description = "Import at most this many W (the battery discharges to cap it)." };
        var solarOnly = new Option<bool>("--solar-only") { Description = "Never charge the battery from the grid." };
        var backupHold = new Option<double?>("--backup-hold") { Description = "Keep the state of charge at or above this %." };
        var capacity = new Option<double>("--battery-capacity-wh") { Description = "Usable capacity, Wh.", DefaultValueFactory = _ => 13600 };
        var maxCharge = new Option<double>("--battery-max-charge-w") { Description = "Rated charge power, W.", DefaultValueFactory = _ => 5000 };
        var maxDischarge = new Option<double>("--battery-max-discharge-w") { Description = "Rated discharge power, W.", DefaultValueFactory = _ => 5000 };
        var efficiency = new Option<double>("--battery-efficiency") { Description = "Round-trip efficiency, above 0 and at most 1.", DefaultValueFactory = _ => 0.9 };
        var reserve = new Option<double>("--reserve-percent") { Description = "The battery's reserve, %.", DefaultValueFactory = _ => 20 };
        var initialSoc = new Option<double>("--initial-soc-percent") { Description = "State of charge at the start, %.", DefaultValueFactory = _ => 50 };
        var latency = new Option<double>("--meter-latency-ms") { Description = "How late the loop sees grid and battery measurements, ms.", DefaultValueFactory = _ => 2000 };
        var period = new Option<double>("--loop-period") { Description = "Seconds between loop cycles (2–60).", DefaultValueFactory = _ => 5 };
        var forecast = new Option<string>("--forecast") { Description = "tou forecasts: perfect (the trace itself) or history (only what the trace showed before).", DefaultValueFactory = _ => "perfect" };
        forecast.AcceptOnlyFromAmong("perfect", "history");
        var json = CommonOptions.Json();

        var command = new Command("replay", "Replay a policy over a recorded trace on a simulated clock and score it: cost, grid held, battery use, safety.")
        {
            trace, fromHistory, site, days, db, postgres, prices, exportPrices, policy, exportLimit, peakShave, solarOnly, backupHold, capacity, maxCharge, maxDischarge, efficiency,
            reserve, initialSoc, latency, period, forecast, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var mode = parse.GetValue(policy) switch
            {
                "tou" => ManageMode.Tou,
                "native" => ManageMode.Native,
                _ => ManageMode.SelfConsumption,
            };
            var battery = new BatterySpec(parse.GetValue(capacity), parse.GetValue(maxCharge), parse.GetValue(maxDischarge), parse.GetValue(efficiency), parse.GetValue(reserve));
            var options = new ReplayOptions(battery, new Policy(mode)
            {
                ExportLimitWatts = parse.GetValue(exportLimit),
                PeakShaveWatts = parse.GetValue(peakShave),
                SolarOnlyCharging = parse.GetValue(solarOnly),
                BackupHoldPercent = parse.GetValue(backupHold),
            }, ReadPrices(parse.GetValue(prices)!, "--prices"))
            {
                ExportPrices = parse.GetValue(exportPrices) is { } exportPath ? ReadPrices(exportPath, "--export-prices") : [],
                InitialSocPercent = parse.GetValue(initialSoc),
                MeterLatency = Milliseconds(parse.GetValue(latency)),
                Loop = new LoopOptions { Period = Seconds(parse.GetValue(period)) },
                Forecast = parse.GetValue(forecast) == "history" ? ReplayForecast.History : ReplayForecast.Perfect,
            };
            if (options.Problem() is { } problem)
            {
                throw new UsageException(problem);
            }

            var (recorded, traceName) = await RecordedAsync(parse, trace, fromHistory, site, days, db, postgres, ct);
            var clock = Stopwatch.StartNew();
            var adoption = new PlanAdoption();
            var result = new ReplayEngine(new DynamicProgrammingPlanner(), (running, next, input) => adoption.Decide(running, next, input).Adopt)
                .Run(recorded, options);
            if (parse.GetValue(json))
            {
                Output.WriteJson(result);
            }
            else
            {
                Report(result, traceName, recorded, parse.GetValue(policy)!, options, clock.Elapsed);
            }

            return 0;
        });
        return command;
    }

    private static async Task<(Trace Trace, string Name)> RecordedAsync(ParseResult parse, Option<string?> trace, Option<bool> fromHistory, Option<string?> site,
        Option<int> days, Option<string?> db, Option<string?> postgres, CancellationToken ct)
    {
        var path = parse.GetValue(trace);
        if (!parse.GetValue(fromHistory))
        {
            return path is null
                ? throw new UsageException("give --trace FILE, or --from-history --site SITE to replay stored days")
                : (Read(path, "--trace", text => TraceCsv.Parse(new StringReader(text))), Path.GetFileName(path));
        }

        if (path is not null)
        {
            throw new UsageException("--trace and --from-history both name what to replay; use one of them");
        }

        var siteId = parse.GetValue(site) ?? throw new UsageException("--from-history needs --site: the site whose days are replayed");
        var count = parse.GetValue(days);
        if (count is < 1 or > 31)
        {
            throw new UsageException($"--days must be from 1 to 31, not {count}");
        }

        await using var store = await HistoryCommand.OpenAsync(parse.GetValue(db), parse.GetValue(postgres), ct);
        try
        {
            return (await HistoryTrace.LoadAsync(store, siteId, count, DateTimeOffset.UtcNow, ct), $"site {siteId}'s history");
        }
        catch (ManagerInputException ex)
        {
            throw new InvalidDataException(ex.Message);
        }
    }

    private static IReadOnlyList<PriceSlot> ReadPrices(string path, string option) => Read(path, option, PriceFile.Parse);

    private static T Read<T>(string path, string option, Func<string, T> parse)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: no such file: {path}");
        }

        try
        {
            return parse(File.ReadAllText(path));
        }
        catch (ManagerInputException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}");
        }
    }

    private static TimeSpan Milliseconds(double ms) =>
        double.IsFinite(ms) && ms is >= 0 and <= 60_000 ? TimeSpan.FromMilliseconds(ms) : throw new UsageException($"--meter-latency-ms must be from 0 to 60000, not {Text(ms)}");

    private static TimeSpan Seconds(double seconds) =>
        double.IsFinite(seconds) && seconds is >= 2 and <= 60 ? TimeSpan.FromSeconds(seconds) : throw new UsageException($"--loop-period must be from 2 to 60 seconds, not {Text(seconds)}");

    private static void Report(ReplayResult r, string name, Trace trace, string policy, ReplayOptions options, TimeSpan elapsed)
    {
        var b = options.Battery;
        var saved = r.CostWithoutBattery - r.Cost;
        var perDay = elapsed.TotalSeconds / Math.Max(r.Days, 1e-9);
        var lines = new[]
        {
            $"Replayed {r.Days:0.##} days of {name} ({trace.Step.TotalSeconds:0} s steps) with {policy} in {elapsed.TotalSeconds:0.0} s ({perDay:0.00} s per simulated day)",
            $"Battery: {b.CapacityWh:0} Wh, charge {b.MaxChargeWatts:0} W, discharge {b.MaxDischargeWatts:0} W, efficiency {b.RoundTripEfficiency:0.##}, reserve {b.ReservePercent:0.#} %, start {options.InitialSocPercent:0.#} %; meter latency {options.MeterLatency.TotalMilliseconds:0} ms, loop every {options.Loop.Period.TotalSeconds:0.#} s",
            $"Limits:  {Limits(options)}",
            $"Cost:    {r.Cost:0.00} (without battery {r.CostWithoutBattery:0.00}, saved {saved:0.00}{(r.CostWithoutBattery > 0 ? $", {saved / r.CostWithoutBattery:P0}" : "")}); optimal {Optimal(r, options)}",
            $"Grid:    import {r.ImportKwh:0.0} kWh, export {r.ExportKwh:0.0} kWh; within 100 W of the target {(r.GridWithin100WFraction is { } f ? $"{f:P1} of the time the battery could act" : "n/a (the battery never held the grid)")}",
            $"Battery: throughput {r.BatteryThroughputKwh:0.0} kWh, SoC {r.MinSocPercent:0.0}–{r.MaxSocPercent:0.0} % (ends at {r.EndSocPercent:0.0} %), {r.Commands} commands, at most {r.ReversalsPerMinuteMax} charge/discharge reversals in a minute",
            $"Safety:  {r.LimitViolations} limit violations, {r.FollowAlarms} follow alarms{(options.Policy.Mode == ManageMode.Tou ? $", {r.PlanChanges} plan changes" : "")}",
        };
        foreach (var line in lines)
        {
            Console.Out.WriteLine(line);
        }
    }

    /// <summary>The constraints the loop folds into its effective limits every cycle, said once.</summary>
    private static string Limits(ReplayOptions options)
    {
        var p = options.Policy;
        var floor = EffectiveLimits.FloorPercent(options.Battery, p);
        var parts = new List<string>
        {
            $"charge up to {options.Battery.MaxChargeWatts:0} W{(p.SolarOnlyCharging ? " from surplus PV only" : "")}",
            $"discharge up to {options.Battery.MaxDischargeWatts:0} W down to {floor:0.#} % ({(p.BackupHoldPercent > options.Battery.ReservePercent ? "backup hold" : "reserve")})",
        };
        if (p.ExportLimitWatts is { } export)
        {
            parts.Add($"export at most {export:0} W");
        }

        if (p.PeakShaveWatts is { } peak)
        {
            parts.Add($"import at most {peak:0} W");
        }

        return p.Mode == ManageMode.Native ? "none (native: the battery follows its own mode; replay idles it)" : string.Join(", ", parts);
    }

    /// <summary>The optimum ends at or above the starting SoC; a run that ends below it spent stored energy the optimum kept, so the share is not shown.</summary>
    private static string Optimal(ReplayResult r, ReplayOptions options)
    {
        if (r.OptimalCost is not { } optimal)
        {
            return "not computed (no planner)";
        }

        var possible = r.CostWithoutBattery - optimal;
        return r.EndSocPercent < options.InitialSocPercent - 0.5
            ? $"{optimal:0.00} (not comparable: this run ends at {r.EndSocPercent:0.0} %, below its starting {options.InitialSocPercent:0.#} %)"
            : $"{optimal:0.00} (this run reached {(possible > 0 ? (r.CostWithoutBattery - r.Cost) / possible : 0):P0} of the optimal savings)";
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
