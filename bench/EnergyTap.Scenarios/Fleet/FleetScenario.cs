using System.Diagnostics;
using System.Text.Json.Nodes;
using EnergyTap.Scenarios.Infrastructure;

namespace EnergyTap.Scenarios.Fleet;

/// <summary>
/// One `energytap serve` polling N simulated aGates (every 5 s) and N simulated PVS (every 60 s), measured from
/// outside: CPU and memory from /proc, poll lag from its energytap_poll_lag_seconds histogram, readings stored
/// per second by counting rows in its store. The simulators run in this process, the service in its own.
/// </summary>
internal static class FleetScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(FleetOptions options, CancellationToken ct)
    {
        var results = new List<ScenarioResult>();
        Console.WriteLine($"fleet: starting {options.Devices} aGate and {options.Devices} PVS simulators…");
        await using var agates = await AgateFleet.StartAsync(options.Devices, ct);
        await using var pvs = await PvsFleet.StartAsync(options.Devices, options.PvsBackends, ct);

        if (options.Store is "sqlite" or "both")
        {
            results.Add(await RunOnceAsync(options, agates, pvs, postgres: null, ct));
        }

        if (options.Store is "postgres" or "both")
        {
            if (PostgresCluster.Unavailable is { } reason)
            {
                Console.WriteLine($"fleet: PostgreSQL skipped: {reason}");
            }
            else
            {
                await using var cluster = await PostgresCluster.StartAsync();
                results.Add(await RunOnceAsync(options, agates, pvs, cluster, ct));
            }
        }

        return results;
    }

    private static async Task<ScenarioResult> RunOnceAsync(FleetOptions options, AgateFleet agates, PvsFleet pvs, PostgresCluster? postgres, CancellationToken ct)
    {
        var variant = postgres is null ? "sqlite" : "postgres";
        var directory = Directory.CreateTempSubdirectory("energytap-bench-fleet-").FullName;
        try
        {
            var sqlitePath = Path.Combine(directory, "energytap.db");
            var sites = new JsonArray();
            for (var i = 0; i < options.Devices; i++)
            {
                sites.Add(new JsonObject
                {
                    ["id"] = $"site{i + 1:0000}",
                    ["agates"] = new JsonArray(ServeConfig.Agate(agates.Endpoints[i], options.AgatePollSeconds)),
                    ["pvs"] = new JsonArray(ServeConfig.Pvs(pvs.Urls[i], options.PvsPollSeconds, options.PvsPollSeconds)),
                });
            }

            var (configPath, api) = ServeConfig.Write(directory, ServeConfig.Storage(sqlitePath, postgres?.ConnectionString()), sites);
            var store = postgres is null ? StoreCounter.Sqlite(sqlitePath) : StoreCounter.Postgres(postgres.ConnectionString());
            var loadBefore = LoadAverage.Read();
            Console.WriteLine($"fleet ({variant}): energytap serve with {options.Devices * 2} devices; warm-up {options.WarmupSeconds} s, then {options.Minutes} min measured (load {loadBefore})");

            await using var serve = EnergyTapProcess.Start(["serve", "--config", configPath], directory);
            await serve.WaitForOutputAsync("EnergyTap is serving", TimeSpan.FromMinutes(3));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), ct);

            var window = TimeSpan.FromMinutes(options.Minutes);
            var start = await Sample.TakeAsync(serve, store, http, api, ct);
            var rss = new List<double>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < window)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, Math.Max(0.1, (window - clock.Elapsed).TotalSeconds))), ct);
                rss.Add(serve.Sampler.ResidentMiB());
            }

            var end = await Sample.TakeAsync(serve, store, http, api, ct);
            var seconds = (end.At - start.At) / (double)Stopwatch.Frequency;
            double Delta(string name, string? labels = null) => end.Metrics.Sum(name, labels) - start.Metrics.Sum(name, labels);
            var agatePolls = Delta("energytap_device_polls_total", "device=\"agate\"");
            var pvsPolls = Delta("energytap_device_polls_total", "device=\"pvs\"");
            var errors = Delta("energytap_device_poll_errors_total");
            var dropped = Delta("energytap_readings_dropped_total");
            var storedByService = Delta("energytap_readings_stored_total");
            var lagBefore = start.Metrics.Buckets("energytap_poll_lag_seconds");
            var lagAfter = end.Metrics.Buckets("energytap_poll_lag_seconds");
            // Each wait is one interval plus up to 10 % jitter (5 % on average).
            double Expected(int interval, int pollers) => pollers * options.Devices / (interval * 1.05);

            return new ScenarioResult("fleet", variant, DateTimeOffset.UtcNow, MachineInfo.Describe(), loadBefore, LoadAverage.Read(),
            [
                new("devices", options.Devices * 2, "", $"{options.Devices} aGates every {options.AgatePollSeconds} s + {options.Devices} PVS every {options.PvsPollSeconds} s"),
                new("measured window", seconds, "s", $"after {options.WarmupSeconds} s warm-up"),
                new("poll lag p50", ToMs(PrometheusScrape.Quantile(0.5, lagBefore, lagAfter)), "ms", "scheduled vs actual start, energytap_poll_lag_seconds"),
                new("poll lag p99", ToMs(PrometheusScrape.Quantile(0.99, lagBefore, lagAfter)), "ms"),
                new("aGate polls per second", agatePolls / seconds, "/s", $"the schedule asks for ≈ {Expected(options.AgatePollSeconds, 1):0.#}/s (interval + mean jitter)"),
                new("PVS polls per second", pvsPolls / seconds, "/s", $"≈ {Expected(options.PvsPollSeconds, 2):0.#}/s asked (DeviceList + livedata); a short window catches whole rounds or none"),
                new("failed polls", errors, "", "in the window"),
                new("CPU", 100 * (end.CpuSeconds - start.CpuSeconds) / seconds, "% of one core"),
                new("resident memory (avg)", rss.Average(), "MiB"),
                new("resident memory (peak)", serve.Sampler.PeakResidentMiB(), "MiB", "VmHWM since start"),
                new("readings stored per second", (end.Rows - start.Rows) / seconds, "/s", $"rows counted in the {variant} readings table"),
                new("readings the service wrote per second", storedByService / seconds, "/s", "energytap_readings_stored_total"),
                new("readings dropped per second", dropped / seconds, "/s", "energytap_readings_dropped_total: the store fell behind"),
                new("readings pending at the end", end.Metrics.Sum("energytap_readings_pending"), "", "energytap_readings_pending"),
            ], [$"{options.PvsBackends} PvsSimulator backends behind {options.Devices} loopback ports (see PvsFleet)"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double? ToMs(double? seconds) => seconds * 1000;

    private sealed record Sample(long At, double CpuSeconds, long Rows, PrometheusScrape Metrics)
    {
        public static async Task<Sample> TakeAsync(EnergyTapProcess serve, StoreCounter store, HttpClient http, Uri api, CancellationToken ct)
        {
            var metrics = await PrometheusScrape.FetchAsync(http, api, ct);
            return new Sample(Stopwatch.GetTimestamp(), serve.Sampler.CpuSeconds(), await store.CountAsync(ct), metrics);
        }
    }
}
