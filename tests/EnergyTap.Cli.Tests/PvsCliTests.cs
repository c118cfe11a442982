using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Cli.Tests;

/// <summary>The real `energytap pvs …` and `energytap proxy` against in-process PVS simulators on loopback.</summary>
public sealed class PvsCliTests : IAsyncLifetime
{
    private static readonly TimeProvider SiteNoon = new ShiftedClock(new DateTimeOffset(2025, 7, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly PvsSimulator _legacy = new(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 3, Ess = true, Politeness = PvsPolitenessOptions.Disabled, TimeProvider = SiteNoon });
    private readonly PvsSimulator _varserver = new(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2, Politeness = PvsPolitenessOptions.Disabled, TimeProvider = SiteNoon });

    // The seed's haproxy bridge in front of an old PVS: plain http on one port, no supervisor/info.
    private readonly PvsSimulator _bridge = new(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 2, SupervisorInfoMissing = true, Politeness = PvsPolitenessOptions.Disabled, TimeProvider = SiteNoon });
    private readonly PvsSimulator _forbidding = new(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 2, SupervisorInfoMissing = true, LocalApiForbidden = true, Politeness = PvsPolitenessOptions.Disabled, TimeProvider = SiteNoon });
    private readonly PvsSimulator _anonymous = new(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2, SupervisorInfoMissing = true, Politeness = PvsPolitenessOptions.Disabled, TimeProvider = SiteNoon });

    public async Task InitializeAsync()
    {
        foreach (var pvs in new[] { _legacy, _varserver, _bridge, _forbidding, _anonymous })
        {
            await pvs.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var pvs in new[] { _legacy, _varserver, _bridge, _forbidding, _anonymous })
        {
            await pvs.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_bridge_serving_plain_http_on_one_port_given_as_host_port_is_read_as_legacy()
    {
        foreach (var pvs in new[] { _bridge, _forbidding })
        {
            var result = await CliProcess.RunAsync("pvs", "devices", "--host", $"127.0.0.1:{pvs.BaseUrl.Port}", "--json");
            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.Contains(pvs.Serial, result.StdOut, StringComparison.Ordinal);
        }

        var info = await CliProcess.RunAsync("pvs", "info", "--host", $"127.0.0.1:{_forbidding.BaseUrl.Port}", "--json");
        Assert.True(info.ExitCode == 0, info.StdErr);
        using var json = JsonDocument.Parse(info.StdOut);
        Assert.Equal("legacy", json.RootElement.GetProperty("generation").GetString());
    }

    [Fact]
    public async Task LocalAPI_firmware_needs_no_serial_it_tells_its_own()
    {
        var result = await CliProcess.RunAsync("pvs", "devices", "--host", $"127.0.0.1:{_anonymous.BaseUrl.Port}", "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains(_anonymous.Serial, result.StdOut, StringComparison.Ordinal);
        Assert.Equal(1, _anonymous.Requests[PvsRequestCounters.Login]);
    }

    [Fact]
    public async Task Info_json_names_the_generation_for_both_firmwares()
    {
        var legacy = await CliProcess.RunAsync("pvs", "info", "--host", _legacy.BaseUrl.ToString(), "--json");
        Assert.Equal(0, legacy.ExitCode);
        using var legacyJson = JsonDocument.Parse(legacy.StdOut);
        Assert.Equal("legacy", legacyJson.RootElement.GetProperty("generation").GetString());
        Assert.Equal(_legacy.Serial, legacyJson.RootElement.GetProperty("supervisor").GetProperty("serial").GetString());

        var varserver = await CliProcess.RunAsync("pvs", "info", "--host", _varserver.BaseUrl.ToString(), "--json");
        Assert.Equal(0, varserver.ExitCode);
        using var varserverJson = JsonDocument.Parse(varserver.StdOut);
        Assert.Equal("varserver", varserverJson.RootElement.GetProperty("generation").GetString());
    }

    [Fact]
    public async Task Tables_show_devices_with_units()
    {
        var inverters = await CliProcess.RunAsync("pvs", "inverters", "--host", _legacy.BaseUrl.ToString());
        Assert.Equal(0, inverters.ExitCode);
        Assert.Contains("kWh", inverters.StdOut, StringComparison.Ordinal);
        Assert.Contains("reporting", inverters.StdOut, StringComparison.Ordinal);

        var ess = await CliProcess.RunAsync("pvs", "ess", "--host", _legacy.BaseUrl.ToString());
        Assert.Equal(0, ess.ExitCode);
        Assert.Contains("HubPlus", ess.StdOut, StringComparison.Ordinal);
        Assert.Contains("Battery", ess.StdOut, StringComparison.Ordinal);

        var live = await CliProcess.RunAsync("pvs", "livedata", "--host", _varserver.BaseUrl.ToString());
        Assert.Equal(0, live.ExitCode);
        Assert.Contains(" kW", live.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grid_profiles_filter_by_zip()
    {
        var result = await CliProcess.RunAsync("pvs", "grid-profiles", "--host", _legacy.BaseUrl.ToString(), "--zip", "81301", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var names = json.RootElement.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("La Plata Electric Assn", names);
        Assert.DoesNotContain("HECO OMH R14H (Legacy)", names);
    }

    [Fact]
    public async Task Wifi_follows_the_serial_rule_without_any_network()
    {
        var result = await CliProcess.RunAsync("pvs", "wifi", "ZT190585000549A6185", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal("SunPower05185", json.RootElement.GetProperty("ssid").GetString());
        Assert.Equal("19056185", json.RootElement.GetProperty("password").GetString());
    }

    [Theory]
    [InlineData(2, "pvs", "grid-profiles", "--host", "127.0.0.1", "--zip", "abc")]
    [InlineData(2, "pvs", "wifi", "ZT1")]
    [InlineData(2, "pvs", "info")]
    [InlineData(2, "proxy", "--upstream", "not a url")]
    [InlineData(1, "pvs", "info", "--host", "http://127.0.0.1:1")]
    public async Task Bad_input_is_one_line_and_a_clear_exit_code(int exitCode, params string[] args)
    {
        var result = await CliProcess.RunAsync(args);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("energytap:", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_proxy_serves_many_clients_with_one_upstream_DeviceList(bool upstreamAsHostPort)
    {
        var port = LoopbackPort.Free();
        var upstream = upstreamAsHostPort ? $"127.0.0.1:{_bridge.BaseUrl.Port}" : _legacy.BaseUrl.ToString();
        var pvs = upstreamAsHostPort ? _bridge : _legacy;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "energytap.dll"), "proxy", "--upstream", upstream, "--listen", $"127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var proxy = Process.Start(start)!;
        try
        {
            var banner = await proxy.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains($"127.0.0.1:{port}", banner, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            var before = pvs.Requests.DeviceLists;
            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => http.GetAsync("cgi-bin/dl_cgi?Command=DeviceList")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.Equal(before + 1, pvs.Requests.DeviceLists);
            var stats = await http.GetStringAsync("energytap/stats");
            Assert.Contains("Upstream calls", stats, StringComparison.Ordinal);
        }
        finally
        {
            proxy.Kill(entireProcessTree: true);
            await proxy.WaitForExitAsync();
        }
    }

    /// <summary>Real time, moved so the run starts at noon at the simulated site (inverters working whenever the tests run).</summary>
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }

    [Fact]
    public async Task Piped_output_is_plain_text_without_colour_codes_or_wrapping_even_when_colour_is_allowed()
    {
        var withColourAllowed = new Dictionary<string, string?> { ["NO_COLOR"] = null, ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" };

        var result = await CliProcess.RunAsync(withColourAllowed, TimeSpan.FromSeconds(60), "pvs", "inverters", "--host", _legacy.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.DoesNotContain('\u001b', result.StdOut);
        var rows = result.StdOut.Split('\n').Where(l => l.Contains("UTC", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count); // one line per inverter: the table is wider than 80 columns and must not wrap
        Assert.All(rows, row => Assert.True(row.Length > 80, row));
    }
}
