using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EnergyTap.Scenarios.Infrastructure;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Scenarios.Proxy;

/// <summary>
/// `energytap proxy` (its own process) in front of a simulated PVS whose DeviceList takes a realistic while:
/// how many upstream DeviceLists 1,000 concurrent clients cause, then how many cached requests per second
/// the proxy answers.
/// </summary>
internal static class ProxyScenario
{
    private const string DeviceList = "cgi-bin/dl_cgi?Command=DeviceList";

    public static async Task<ScenarioResult> RunAsync(int clients, double seconds, CancellationToken ct)
    {
        var loadBefore = LoadAverage.Read();
        await using var pvs = new PvsSimulator(new PvsSimulatorOptions
        {
            Port = 0,
            Firmware = PvsFirmware.Legacy,
            SiteUtcOffset = SimulatedMidday.SiteUtcOffset(),
            TelemetryPort = null,
            DeviceListDelay = TimeSpan.FromSeconds(2),
        });
        var upstream = await pvs.StartAsync(ct);
        var directory = Directory.CreateTempSubdirectory("energytap-bench-proxy-").FullName;
        try
        {
            var port = FreePort.Next();
            var proxyUrl = new Uri($"http://127.0.0.1:{port}/");
            await using var proxy = EnergyTapProcess.Start(["proxy", "--upstream", upstream.ToString().TrimEnd('/'), "--listen", $"127.0.0.1:{port}"], directory);
            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = clients,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(30),
            })
            { Timeout = TimeSpan.FromSeconds(120) };
            await WaitUntilUpAsync(http, proxyUrl, proxy, ct);

            // 1. A cold cache and a thundering herd.
            var clock = Stopwatch.StartNew();
            var statuses = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => GetStatusAsync(http, new Uri(proxyUrl, DeviceList), ct)));
            var herdMs = clock.Elapsed.TotalMilliseconds;
            var herdUpstream = pvs.Requests.DeviceLists;

            // 2. Warm cache: every client asks again and again for a few seconds.
            var served = 0L;
            var failed = 0L;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var cpuBefore = proxy.Sampler.CpuSeconds();
            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var status = await GetStatusAsync(http, new Uri(proxyUrl, DeviceList), ct);
                    Interlocked.Increment(ref status == HttpStatusCode.OK ? ref served : ref failed);
                }
            }));
            var elapsed = clock.Elapsed.TotalSeconds;
            var cpu = 100 * (proxy.Sampler.CpuSeconds() - cpuBefore) / elapsed;
            var stats = await http.GetStringAsync(new Uri(proxyUrl, "energytap/stats.json"), ct);

            return new ScenarioResult("proxy", "", DateTimeOffset.UtcNow, MachineInfo.Describe(), loadBefore, LoadAverage.Read(),
            [
                new("concurrent clients", clients, ""),
                new("upstream DeviceLists for the first burst", herdUpstream, "", "counted by the PVS simulator"),
                new("first burst answered 200", statuses.Count(s => s == HttpStatusCode.OK), "", $"of {clients}, all within {herdMs / 1000:0.0} s (DeviceList takes 2 s)"),
                new("cached requests per second", served / elapsed, "/s", $"{clients} clients in a loop for {elapsed:0.#} s"),
                new("failed cached requests", failed, ""),
                new("proxy CPU while serving from cache", cpu, "% of one core", "the clients run on the same 2 cores"),
                new("upstream DeviceLists in total", pvs.Requests.DeviceLists, ""),
                new("proxy resident memory", proxy.Sampler.ResidentMiB(), "MiB"),
            ], [$"proxy stats: {Compact(stats)}"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> GetStatusAsync(HttpClient http, Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Uri proxyUrl, EnergyTapProcess proxy, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (await GetStatusAsync(http, new Uri(proxyUrl, "energytap/stats"), ct) != HttpStatusCode.OK)
        {
            if (proxy.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"energytap proxy did not come up:\n{proxy.Tail()}");
            }

            await Task.Delay(100, ct);
        }
    }

    private static string Compact(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
