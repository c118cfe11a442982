using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.Modbus;
using EnergyTap.SunSpec.Discovery;
using Microsoft.Playwright;

namespace EnergyTap.EndToEnd.Tests;

/// <summary>
/// The README's first command, as a new user meets it: `energytap demo`, its dashboard in a real
/// headless Chromium (Debian's package), and a battery command sent from the page that must reach
/// the simulated aGate's Modbus registers.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private DemoProcess _demo = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (./test.sh does)");
        _demo = await DemoProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Debian's Chromium as root, on a machine with no network beyond loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _demo.DisposeAsync();
    }

    [Fact]
    public async Task The_dashboard_shows_live_values_and_a_charge_sent_from_it_reaches_the_aGate()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_demo.Dashboard.ToString());

        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#flow-battery")).Not.ToHaveTextAsync("–", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#flow-soc")).ToContainTextAsync("%", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#health tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#grid-state")).ToHaveTextAsync("Grid: connected", new() { Timeout = 30_000 });

        await page.SelectOptionAsync("#battery", "home/agate");
        await page.SelectOptionAsync("#kind", "charge");
        await page.FillAsync("#watts", "1500");
        await page.FillAsync("#minutes", "5");
        await page.FillAsync("#token", _demo.ControlToken);
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#control-result")).ToContainTextAsync("Accepted", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#command")).ToContainTextAsync("reverts in", new() { Timeout = 10_000 });
        // Left for a person to look at what the test saw.
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "energytap-dashboard.png"), FullPage = true });

        // The aGate itself: control enabled, 1500 W as a percentage of its charge rating, sign inverted on the wire.
        await using var modbus = new ModbusTcpClient(new ModbusClientOptions { Host = _demo.Agate.Address.ToString(), Port = _demo.Agate.Port });
        var agate = await SunSpecScanner.ScanAsync(modbus, new SunSpecScanOptions { UnitId = 1, BaseAddress = 0 });
        var points = await agate.ReadAsync(["704.WSetEna", "704.WSetPct", "702.WChaRteMaxRtg"]);
        Assert.Equal(1.0, points[0].Number);
        var rating = points[2].Number!.Value;
        Assert.Equal(-1500 / rating * 100, points[1].Number!.Value, precision: 1);
    }

    [Fact]
    public async Task The_battery_card_offers_only_the_selected_sites_batteries_and_says_when_there_was_nothing_to_release()
    {
        var page = await _browser.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        page.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };
        await page.GotoAsync(_demo.Dashboard.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        Assert.StartsWith("data:image/svg+xml", await page.Locator("link[rel=icon]").GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#site", "cabin");
        await Assertions.Expect(page.Locator("#battery option")).ToHaveTextAsync(["no battery at this site"]);
        await Assertions.Expect(page.Locator("#send")).ToBeDisabledAsync();

        await page.SelectOptionAsync("#site", "home");
        await Assertions.Expect(page.Locator("#battery option")).ToHaveTextAsync(["home/agate"]);
        await page.FillAsync("#token", _demo.ControlToken);
        await page.ClickAsync("#release");
        await Assertions.Expect(page.Locator("#control-result")).ToHaveTextAsync("Nothing to release: no command was active.", new() { Timeout = 10_000 });
        Assert.Empty(failed);
    }

    [Fact]
    public async Task A_dashboard_command_shows_in_agate_status_and_health_with_its_deadline()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_demo.Dashboard.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await page.SelectOptionAsync("#kind", "charge");
        await page.FillAsync("#watts", "1500");
        await page.FillAsync("#minutes", "5");
        await page.FillAsync("#token", _demo.ControlToken);
        await page.ClickAsync("#send");
        await Assertions.Expect(page.Locator("#control-result")).ToContainTextAsync("Accepted", new() { Timeout = 30_000 });

        // The user's shell shares the demo's command record (the same ENERGYTAP_STATE_DIR, or both the default).
        var environment = new Dictionary<string, string> { ["ENERGYTAP_STATE_DIR"] = _demo.StateDirectory };
        var target = $"--host {_demo.Agate.Address} --port {_demo.Agate.Port}";
        var (statusExit, status) = await RunCliAsync(environment, $"agate status {target}");
        Assert.True(statusExit == 0, status);
        Assert.Contains("charge 1500 W reverts at", status, StringComparison.Ordinal);
        Assert.Contains("held by EnergyTap server", status, StringComparison.Ordinal);
        var (healthExit, health) = await RunCliAsync(environment, $"agate health --samples 1 {target}");
        Assert.True(healthExit == 0, health);
        Assert.DoesNotContain("zombie", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_battery_card_names_a_command_another_modbus_client_holds()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_demo.Dashboard.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#command")).ToContainTextAsync("No active command", new() { Timeout = 10_000 });

        // What `sequence run` or mbpoll does: WSetPct -60 % (charge; raw -600 at scale -1), then WSetEna=1.
        await using var modbus = new ModbusTcpClient(new ModbusClientOptions { Host = _demo.Agate.Address.ToString(), Port = _demo.Agate.Port });
        var agate = await SunSpecScanner.ScanAsync(modbus, new SunSpecScanOptions { UnitId = 1, BaseAddress = 0 });
        await agate.WriteAsync([new EnergyTap.SunSpec.Writing.PointWrite("704.WSetPct", new EnergyTap.SunSpec.Codecs.RawValue(-600))]);
        await agate.WriteAsync([new EnergyTap.SunSpec.Writing.PointWrite("704.WSetEna", 1)]);
        var rating = (await agate.ReadAsync(["702.WChaRteMaxRtg"]))[0].Number!.Value;

        var expected = 0.6 * rating >= 1000 ? $"charge {0.6 * rating / 1000:0.00} kW" : $"charge {0.6 * rating:0} W";
        await Assertions.Expect(page.Locator("#command")).ToContainTextAsync($"{expected} on home/agate: commanded by another Modbus client", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_grid_outage_shows_on_the_dashboard_and_in_the_readings()
    {
        await using var offGrid = await DemoProcess.StartAsync("--off-grid");
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(offGrid.Dashboard.ToString());

        await Assertions.Expect(page.Locator("#grid-state")).ToHaveTextAsync("Grid: OUTAGE", new() { Timeout = 30_000 });
        using var http = new HttpClient { BaseAddress = offGrid.Dashboard };
        var readings = await http.GetFromJsonAsync<JsonElement>("api/readings?site=home&device=agate");
        var grid = readings.EnumerateArray().Single(r => r.GetProperty("quantity").GetString() == "grid_connected");
        Assert.Equal(0, grid.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_wrong_token_is_refused_on_the_page_and_nothing_is_written()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_demo.Dashboard.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 30_000 });

        await page.FillAsync("#token", "not-the-token");
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#control-result")).ToContainTextAsync("Refused", new() { Timeout = 10_000 });
        using var http = new HttpClient { BaseAddress = _demo.Dashboard };
        var control = await http.GetFromJsonAsync<JsonElement>("api/control");
        Assert.Equal(0, control.GetProperty("active").GetArrayLength());
    }

    [Fact]
    public async Task The_banner_tells_the_cli_how_to_command_through_the_server_and_names_the_cloud_account()
    {
        var output = _demo.Output;
        var export = System.Text.RegularExpressions.Regex.Match(output, @"export (\w+)=(\S+)");
        var charge = System.Text.RegularExpressions.Regex.Match(output, @"energytap (agate charge [^(]+?)\s{2,}\(then: energytap (agate stop --server \S+)\)");
        Assert.True(export.Success && charge.Success, output);
        Assert.Contains("account demo@energytap.invalid / energytap-demo", output, StringComparison.Ordinal);
        Assert.Contains("(config key baseUrl)", output, StringComparison.Ordinal);
        Assert.Contains("10060006A0SIM0000001", output, StringComparison.Ordinal);

        var environment = new Dictionary<string, string> { [export.Groups[1].Value] = export.Groups[2].Value };
        var (chargeExit, chargeText) = await RunCliAsync(environment, charge.Groups[1].Value);
        Assert.True(chargeExit == 0, chargeText);
        using var http = new HttpClient { BaseAddress = _demo.Dashboard };
        var control = await http.GetFromJsonAsync<JsonElement>("api/control");
        Assert.Equal(2000, control.GetProperty("active")[0].GetProperty("watts").GetDouble());

        var (stopExit, stopText) = await RunCliAsync(environment, charge.Groups[2].Value);
        Assert.True(stopExit == 0, stopText);
        control = await http.GetFromJsonAsync<JsonElement>("api/control");
        Assert.Equal(0, control.GetProperty("active").GetArrayLength());
    }

    /// <summary>Runs the command line as the banner prints it (split on spaces), with the variables it says to export.</summary>
    private static async Task<(int ExitCode, string Output)> RunCliAsync(Dictionary<string, string> environment, string commandLine)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "energytap.dll"));
        foreach (var argument in commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["ENERGYTAP_CONFIG"] = Path.Combine(Path.GetTempPath(), "energytap-no-config.json");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task Metrics_and_a_clean_stop()
    {
        using var http = new HttpClient { BaseAddress = _demo.Dashboard };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string metrics;
        do
        {
            metrics = await http.GetStringAsync("metrics");
        }
        while (!metrics.Contains("energytap_battery_soc_percent{", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());

        Assert.Contains("# TYPE energytap_battery_soc_percent gauge", metrics);
        Assert.Contains("energytap_device_polls_total", metrics);

        Assert.Equal(0, await _demo.TerminateAsync());
        Assert.Contains("stopping", _demo.Output);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(250);
        return true;
    }
}
