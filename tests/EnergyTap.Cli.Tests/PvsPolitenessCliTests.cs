using System.Text.Json;
using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Proxy;

namespace EnergyTap.Cli.Tests;

/// <summary>
/// Politeness across `energytap pvs` processes: a legacy PVS that crashes (503 for minutes) when two DeviceLists
/// come within 30 s, as a user's shell history produces them.
/// </summary>
public sealed class PvsPolitenessCliTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("energytap-pvs-polite-").FullName;
    private readonly PvsSimulator _cabin = new(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 4, Ess = true, Seed = 2 });

    private Dictionary<string, string?> Environment => new()
    {
        [TestStateDirectory.Variable] = _state,
        ["ENERGYTAP_CONFIG"] = Path.Combine(_state, "no-config.json"),
    };

    public Task InitializeAsync() => _cabin.StartAsync();

    public async Task DisposeAsync()
    {
        await _cabin.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Commands_in_a_row_share_one_DeviceList_and_the_PVS_stays_up()
    {
        var host = _cabin.BaseUrl.ToString();
        foreach (var command in new[] { "info", "devices", "meters", "inverters", "ess", "livedata" })
        {
            var result = await CliProcess.RunAsync(Environment, TimeSpan.FromSeconds(60), "pvs", command, "--host", host, "--json");
            Assert.True(result.ExitCode == 0, $"pvs {command}: {result.StdErr}");
        }

        Assert.Equal(1, _cabin.Requests.DeviceLists);
        Assert.Equal(0, _cabin.Restarts);
        Assert.True(File.Exists(Path.Combine(_state, "pvs", "http_127.0.0.1_" + _cabin.BaseUrl.Port + ".devicelist.json")));
    }

    [Fact]
    public async Task Fresh_insists_but_waits_out_the_minimum_interval_with_a_progress_line()
    {
        var host = _cabin.BaseUrl.ToString();
        var first = await CliProcess.RunAsync(Environment, TimeSpan.FromSeconds(60), "pvs", "devices", "--host", host);
        Assert.True(first.ExitCode == 0, first.StdErr);

        await using var fresh = EnergyTapChild.Start(["pvs", "devices", "--host", host, "--fresh"], Environment);
        var line = await fresh.WaitForErrorAsync("before asking again");
        Assert.StartsWith("energytap: the PVS answered a DeviceList ", line, StringComparison.Ordinal);
        Assert.Matches(@"waiting (5\d|60) s", line);
        await Task.Delay(500);
        Assert.Equal(1, _cabin.Requests.DeviceLists); // waiting, not asking
        Assert.Equal(0, _cabin.Restarts);
    }

    [Fact]
    public async Task A_running_EnergyTap_proxy_for_the_PVS_answers_instead_of_the_PVS()
    {
        await using var proxy = new PvsProxy(new PvsProxyOptions { Upstream = _cabin.BaseUrl, Listen = "127.0.0.1:0" });
        await proxy.StartAsync();
        var config = Path.Combine(_state, "energytap.json");
        await File.WriteAllTextAsync(config, $$"""
            { "proxy": { "enabled": true, "upstream": "{{_cabin.BaseUrl}}", "listen": "127.0.0.1:{{proxy.BoundAddress!.Port}}" } }
            """);
        var environment = Environment;
        environment["ENERGYTAP_CONFIG"] = config;

        var result = await CliProcess.RunAsync(environment, TimeSpan.FromSeconds(60), "pvs", "devices", "--host", _cabin.BaseUrl.ToString(), "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("through the running EnergyTap proxy", result.StdErr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(_cabin.Serial, json.RootElement.GetProperty("supervisor").GetProperty("serial").GetString());
        Assert.True(proxy.Stats.ClientRequests >= 2, $"{proxy.Stats.ClientRequests} requests reached the proxy");
        Assert.Equal(1, _cabin.Requests.DeviceLists);
    }

    [Fact]
    public async Task The_proxy_command_in_front_of_a_LocalAPI_PVS_logs_in_once_and_answers_from_its_cache()
    {
        await using var home = new PvsSimulator(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 3 });
        await home.StartAsync();
        var port = LoopbackPort.Free();
        await using var proxy = EnergyTapChild.Start(["proxy", "--upstream", home.BaseUrl.ToString(), "--listen", $"127.0.0.1:{port}"], Environment);
        await proxy.WaitForLineAsync("energytap proxy:");
        var through = $"http://127.0.0.1:{port}/";

        foreach (var command in new[] { "devices", "livedata", "meters", "devices" })
        {
            var result = await CliProcess.RunAsync(Environment, TimeSpan.FromSeconds(60), "pvs", command, "--host", through, "--json");
            Assert.True(result.ExitCode == 0, $"pvs {command}: {result.StdErr}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(new Uri(through), "energytap/stats.json")));
        var clientRequests = stats.RootElement.GetProperty("clientRequests").GetInt64();
        var upstreamCalls = stats.RootElement.GetProperty("upstreamCalls").GetInt64();
        Assert.True(upstreamCalls * 2 < clientRequests, $"{upstreamCalls} upstream calls for {clientRequests} client requests");
        Assert.True(stats.RootElement.GetProperty("cacheHits").GetInt64() > 0);
        Assert.Equal(1, home.Requests[PvsRequestCounters.Login]);
        Assert.Equal(0, home.Restarts);
    }
}
