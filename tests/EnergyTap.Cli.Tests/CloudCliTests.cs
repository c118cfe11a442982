using System.Diagnostics;
using System.Text.Json;
using EnergyTap.Simulators.Cloud;

namespace EnergyTap.Cli.Tests;

/// <summary>`energytap cloud ...` end to end against the cloud simulator, with credentials from the environment.</summary>
public sealed class CloudCliTests : IAsyncLifetime
{
    private const string Gw1 = "10060006A0SIM0000001";
    private const string Gw3 = "10060006A0SIM0000003";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly CloudSimulator _simulator = new(new CloudSimulatorOptions { MinStatsInterval = TimeSpan.Zero });
    private readonly string _configDir = Directory.CreateTempSubdirectory("energytap-cloud-cli-").FullName;
    private string _baseUrl = "";

    public async Task InitializeAsync() => _baseUrl = (await _simulator.StartAsync()).ToString();

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_configDir, recursive: true);
    }

    private Dictionary<string, string?> Env(bool credentials = true) => new()
    {
        ["ENERGYTAP_CONFIG_DIR"] = _configDir,
        ["ENERGYTAP_CLOUD_EMAIL"] = credentials ? SimulatedAccount.DemoEmail : null,
        ["ENERGYTAP_CLOUD_PASSWORD"] = credentials ? SimulatedAccount.DemoPassword : null,
    };

    private Task<CliProcess.Result> Cloud(Dictionary<string, string?> env, params string[] args) =>
        CliProcess.RunAsync(env, Timeout, ["cloud", .. args, "--base-url", _baseUrl]);

    [Fact]
    public async Task Status_json_with_env_credentials_and_a_0600_token_file()
    {
        var result = await Cloud(Env(), "status", "--gateway", Gw1, "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(Gw1, json.RootElement.GetProperty("gatewayId").GetString());
        Assert.False(json.RootElement.GetProperty("isStale").GetBoolean());
        Assert.True(json.RootElement.GetProperty("current").GetProperty("solarKw").ValueKind == JsonValueKind.Number);
        var tokenFile = Assert.Single(Directory.GetFiles(Path.Combine(_configDir, "cloud")));
        Assert.False(OperatingSystem.IsWindows(), "the token file mode check needs a Unix file system");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }

        Assert.DoesNotContain(SimulatedAccount.DemoPassword, await File.ReadAllTextAsync(tokenFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_gateways_without_gateway_option_is_a_usage_error_listing_them()
    {
        var result = await Cloud(Env(), "status");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.StartsWith("energytap: this account has 3 gateways; pick one with --gateway: ", result.StdErr, StringComparison.Ordinal);
        foreach (var gateway in SimulatedAccount.Demo.Gateways)
        {
            Assert.Contains(gateway.Id, result.StdErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_credentials_and_no_terminal_the_error_names_the_variables()
    {
        var result = await Cloud(Env(credentials: false), "gateways");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ENERGYTAP_CLOUD_EMAIL", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Login_once_then_the_cached_token_serves_later_commands()
    {
        var login = await Cloud(Env(), "login");
        var gateways = await Cloud(Env(credentials: false), "gateways", "--json");

        Assert.True(login.ExitCode == 0, login.StdErr);
        Assert.Contains("Logged in", login.StdOut, StringComparison.Ordinal);
        Assert.True(gateways.ExitCode == 0, gateways.StdErr);
        Assert.Equal(3, JsonDocument.Parse(gateways.StdOut).RootElement.GetArrayLength());
        Assert.Equal(1, _simulator.RequestCount("login"));
    }

    [Fact]
    public async Task Settings_commands_change_the_simulated_gateway()
    {
        var generator = await Cloud(Env(), "generator", "manual", "--gateway", Gw1);
        var mode = await Cloud(Env(), "mode", "backup", "--backup-minutes", "60", "--gateway", Gw1, "--json");
        var reserve = await Cloud(Env(), "reserve", "40", "--gateway", Gw1);
        var circuits = await Cloud(Env(), "circuits", "1", "off", "--gateway", Gw1);

        Assert.True(generator.ExitCode == 0, generator.StdErr);
        Assert.Contains("manual", generator.StdOut, StringComparison.Ordinal);
        Assert.True(mode.ExitCode == 0, mode.StdErr);
        Assert.Equal("emergencyBackup", JsonDocument.Parse(mode.StdOut).RootElement.GetProperty("activeMode").GetString());
        Assert.True(reserve.ExitCode == 0, reserve.StdErr);
        Assert.True(circuits.ExitCode == 0, circuits.StdErr);
        var state = _simulator.Gateway(Gw1);
        Assert.Equal(2, state.GeneratorManuSw);
        Assert.Equal(3, state.WorkMode);
        Assert.Equal(60, state.BackupMinutes);
        Assert.Equal(40, state.ReserveSoc);
        Assert.False(state.CircuitsOn[0]);
    }

    [Fact]
    public async Task Status_says_the_V2L_energy_was_not_read_rather_than_n_a_and_reads_it_on_request()
    {
        var plain = await Cloud(Env(), "status", "--gateway", Gw1);
        var detailed = await Cloud(Env(), "status", "--gateway", Gw1, "--v2l-details");

        Assert.True(plain.ExitCode == 0, plain.StdErr);
        var today = Row(plain.StdOut, "today V2L");
        Assert.Contains("not read (add --v2l-details)", today, StringComparison.Ordinal);
        Assert.DoesNotContain("n/a", today, StringComparison.Ordinal);
        Assert.True(detailed.ExitCode == 0, detailed.StdErr);
        Assert.Matches(@"exported \d+\.\d\d kWh", Row(detailed.StdOut, "today V2L"));

        static string Row(string text, string label) =>
            text.Split('\n').Single(l => l.TrimStart().StartsWith(label + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V2l_needs_the_opt_in_and_is_refused_on_grid()
    {
        var noFlag = await Cloud(Env(), "v2l", "on", "--gateway", Gw1);
        var onGrid = await Cloud(Env(), "v2l", "on", "--i-accept-speculative", "--gateway", Gw1);
        var accessories = await Cloud(Env(), "accessories", "--gateway", Gw3, "--json");

        Assert.Equal(2, noFlag.ExitCode);
        Assert.Contains("--i-accept-speculative", noFlag.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, onGrid.ExitCode);
        Assert.Contains("off grid", onGrid.StdErr, StringComparison.Ordinal);
        Assert.False(_simulator.Gateway(Gw1).CircuitsOn[2]);
        Assert.True(accessories.ExitCode == 0, accessories.StdErr);
        Assert.False(JsonDocument.Parse(accessories.StdOut).RootElement.GetProperty("v2lEligible").GetBoolean());
    }

    [Fact]
    public async Task Gateway_offline_is_one_clear_line()
    {
        _simulator.ForceError(136, gatewayId: Gw1);

        var result = await Cloud(Env(), "status", "--gateway", Gw1);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("offline", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Simulate_cloud_prints_the_demo_account_and_serves_the_cli()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "energytap.dll"));
        foreach (var arg in new[] { "simulate", "cloud", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var simulator = Process.Start(start)!;
        try
        {
            using var cts = new CancellationTokenSource(Timeout);
            var banner = new List<string>();
            while (banner.Count < 2 && await simulator.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                banner.Add(line);
            }

            if (banner.Count < 2)
            {
                Assert.Fail("simulate cloud did not print its banner: " + await simulator.StandardError.ReadToEndAsync(cts.Token));
            }

            var url = banner[0][(banner[0].IndexOf("http", StringComparison.Ordinal))..].Trim();
            Assert.Contains(SimulatedAccount.DemoEmail, banner[1], StringComparison.Ordinal);
            Assert.Contains(SimulatedAccount.DemoPassword, banner[1], StringComparison.Ordinal);

            var result = await CliProcess.RunAsync(Env(), Timeout, "cloud", "gateways", "--base-url", url);

            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.Contains(Gw3, result.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
            await simulator.WaitForExitAsync();
        }
    }
}
