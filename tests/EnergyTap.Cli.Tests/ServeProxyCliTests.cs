using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Cli.Tests;

/// <summary>`energytap serve` with proxy.enabled: its own PVS poller and every other client share one upstream DeviceList.</summary>
public sealed class ServeProxyCliTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("energytap-serve-proxy-").FullName;
    private readonly PvsSimulator pvs = new(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 4 });

    public Task InitializeAsync() => pvs.StartAsync();

    public async Task DisposeAsync()
    {
        await pvs.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task The_poller_and_a_crowd_of_clients_behind_the_proxy_cost_the_PVS_one_DeviceList()
    {
        var proxyPort = LoopbackPort.Free();
        var config = Path.Combine(directory, "energytap.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "server": { "listen": "127.0.0.1:0" },
              "storage": { "path": "{{Path.Combine(directory, "energytap.db")}}" },
              "proxy": { "enabled": true, "upstream": "{{pvs.BaseUrl}}", "listen": "127.0.0.1:{{proxyPort}}" },
              "sites": [ { "id": "home", "pvs": [ { "id": "pvs", "address": "127.0.0.1:{{proxyPort}}" } ] } ]
            }
            """);

        await using var serve = EnergyTapChild.Start(["serve", "--config", config]);
        var url = await serve.WaitForUrlAsync("dashboard");
        var proxy = await serve.WaitForUrlAsync("PVS proxy");
        Assert.Equal(proxyPort, proxy.Port);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await WaitForSolarPowerAsync(http, url);     // the service's own poller reads the PVS through the proxy

        var crowd = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => http.GetAsync(new Uri(proxy, "cgi-bin/dl_cgi?Command=DeviceList"))));
        Assert.All(crowd, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, pvs.Requests.DeviceLists);

        var stats = await http.GetFromJsonAsync<JsonElement>(new Uri(proxy, "energytap/stats.json"));
        Assert.True(stats.GetProperty("cacheHits").GetInt64() >= 200, stats.GetRawText());
        Assert.Equal(0, stats.GetProperty("errors").GetInt64());
    }

    [Fact]
    public async Task Serve_reads_a_plain_http_bridge_given_as_host_port_as_legacy()
    {
        await using var bridge = new PvsSimulator(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 3, SupervisorInfoMissing = true });
        await bridge.StartAsync();
        var config = Path.Combine(directory, "bridge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "server": { "listen": "127.0.0.1:0" },
              "storage": { "path": "{{Path.Combine(directory, "bridge.db")}}" },
              "sites": [ { "id": "home", "pvs": [ { "id": "pvs", "address": "127.0.0.1:{{bridge.BaseUrl.Port}}" } ] } ]
            }
            """);

        await using var serve = EnergyTapChild.Start(["serve", "--config", config]);
        var url = await serve.WaitForUrlAsync("dashboard");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await WaitForSolarPowerAsync(http, url);
        Assert.Equal(1, bridge.Requests.DeviceLists);
    }

    private static async Task WaitForSolarPowerAsync(HttpClient http, Uri url)
    {
        var readings = new Uri(url, "api/readings?site=home&device=pvs");
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var json = await http.GetStringAsync(readings);
            if (json.Contains("\"solar_power\"", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"serve read no PVS solar power through the proxy; last answer from {readings}");
    }
}
