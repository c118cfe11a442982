using System.Diagnostics;
using System.Text.Json.Nodes;
using EnergyTap.Scenarios.Infrastructure;
using EnergyTap.Simulators.Agate;
using EnergyTap.Simulators.Cloud;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Scenarios.Footprint;

/// <summary>
/// `energytap serve` for one home (PVS on LocalAPI firmware, aGate, FranklinWH cloud — simulated in this
/// process): time from process start to the first reading in its SQLite file, steady resident memory, and
/// the size of a Release publish of the CLI.
/// </summary>
internal static class FootprintScenario
{
    public static async Task<ScenarioResult> RunAsync(double steadySeconds, CancellationToken ct)
    {
        var loadBefore = LoadAverage.Read();
        await using var agate = new AgateSimulator(new AgateSimulatorOptions { Port = 0 });
        await using var pvs = new PvsSimulator(new PvsSimulatorOptions
        {
            Port = 0,
            Firmware = PvsFirmware.Varserver,
            SiteUtcOffset = SimulatedMidday.SiteUtcOffset(),
            TelemetryPort = null,
            DeviceListDelay = TimeSpan.FromSeconds(7), // a real PVS with 24 panels
        });
        await using var cloud = new CloudSimulator(new CloudSimulatorOptions { Port = 0 });
        var agateEndpoint = await agate.StartAsync(ct);
        var pvsUrl = await pvs.StartAsync(ct);
        var cloudUrl = await cloud.StartAsync(ct);

        var directory = Directory.CreateTempSubdirectory("energytap-bench-home-").FullName;
        try
        {
            var sqlitePath = Path.Combine(directory, "energytap.db");
            var gateway = SimulatedAccount.Demo.Gateways[0];
            var home = new JsonObject
            {
                ["id"] = "home",
                ["pvs"] = new JsonArray(ServeConfig.Pvs(pvsUrl, 120, 10, pvs.Serial)),
                ["agates"] = new JsonArray(ServeConfig.Agate(agateEndpoint, 5)),
                ["cloud"] = new JsonArray(new JsonObject
                {
                    ["id"] = "cloud",
                    ["baseUrl"] = cloudUrl.ToString(),
                    ["email"] = SimulatedAccount.DemoEmail,
                    ["password"] = SimulatedAccount.DemoPassword,
                    ["gatewayId"] = gateway.Id,
                    ["pollSeconds"] = 30,
                }),
            };
            var (configPath, _) = ServeConfig.Write(directory, ServeConfig.Storage(sqlitePath, null), [home]);
            var store = StoreCounter.Sqlite(sqlitePath);

            await using var serve = EnergyTapProcess.Start(["serve", "--config", configPath], directory);
            while (await store.CountAsync(ct) == 0)
            {
                if (serve.HasExited || Stopwatch.GetElapsedTime(serve.StartedTimestamp) > TimeSpan.FromMinutes(2))
                {
                    throw new InvalidOperationException($"no reading was stored:\n{serve.Tail()}");
                }

                await Task.Delay(10, ct);
            }

            var firstReading = Stopwatch.GetElapsedTime(serve.StartedTimestamp);
            await Task.Delay(TimeSpan.FromSeconds(steadySeconds), ct);
            var rss = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                rss.Add(serve.Sampler.ResidentMiB());
                await Task.Delay(1000, ct);
            }

            // Stop the service first: publishing is a build, and its CPU is not the service's.
            var steadyMiB = rss.Average();
            var peakMiB = serve.Sampler.PeakResidentMiB();
            await serve.DisposeAsync();
            var publish = await PublishSize.MeasureAsync(ct);
            return new ScenarioResult("footprint", "", DateTimeOffset.UtcNow, MachineInfo.Describe(), loadBefore, LoadAverage.Read(),
            [
                new("start-up to first stored reading", firstReading.TotalMilliseconds, "ms", "process start → first row in SQLite (the writer flushes at most every 1 s)"),
                new("resident memory, steady", steadyMiB, "MiB", $"average of 10 samples after {steadySeconds + firstReading.TotalSeconds:0} s"),
                new("resident memory, peak", peakMiB, "MiB", "VmHWM"),
                .. publish,
            ], ["the portable publish carries native SQLite for ~30 platforms under runtimes/; a RID-specific one keeps one"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
