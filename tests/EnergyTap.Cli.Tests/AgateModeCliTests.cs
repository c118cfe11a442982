using System.Globalization;
using System.Text.Json;
using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.Modbus;
using EnergyTap.Simulators.Agate;
using EnergyTap.Simulators.Cloud;

namespace EnergyTap.Cli.Tests;

/// <summary>
/// `energytap agate mode`: 15507 names are trusted only once the cloud confirmed them on this aGate, and only a
/// confirmed number is ever written. The simulated aGate starts in 15507 = 2, the simulated cloud in self-consumption.
/// </summary>
public sealed class AgateModeCliTests : IAsyncLifetime
{
    private const string Gateway = "10060006A0SIM0000001";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("energytap-agate-mode-").FullName;
    private readonly CloudSimulator _cloud = new(new CloudSimulatorOptions { MinStatsInterval = TimeSpan.Zero });
    private AgateSimulator _agate = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync() => _baseUrl = (await _cloud.StartAsync()).ToString();

    public async Task DisposeAsync()
    {
        await _agate.DisposeAsync();
        await _cloud.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartAgateAsync(bool spanUnlocked)
    {
        _agate = new AgateSimulator(new AgateSimulatorOptions { Port = 0, SpanUnlocked = spanUnlocked });
        await _agate.StartAsync();
    }

    private Task<CliProcess.Result> Mode(params string[] args) => CliProcess.RunAsync(new Dictionary<string, string?>
    {
        ["ENERGYTAP_CONFIG_DIR"] = _directory,
        ["ENERGYTAP_STATE_DIR"] = _directory,
        ["ENERGYTAP_CLOUD_EMAIL"] = SimulatedAccount.DemoEmail,
        ["ENERGYTAP_CLOUD_PASSWORD"] = SimulatedAccount.DemoPassword,
    }, Timeout, ["agate", "mode", .. args, "--host", "127.0.0.1", "--port", _agate.Endpoint.Port.ToString(CultureInfo.InvariantCulture),
        "--base-url", _baseUrl, "--gateway", Gateway]);

    private int OnGridMode => _agate.ReadRegister(AgateVendorRegisters.OnGridMode);

    [Fact]
    public async Task An_unconfirmed_number_is_never_written_and_the_cloud_confirms_what_runs_now()
    {
        await StartAgateAsync(spanUnlocked: true);

        var refused = await Mode("tou");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no 15507 number is confirmed for time-of-use", Assert.Single(refused.StdErr.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.Equal(2, OnGridMode);
        Assert.DoesNotContain(_agate.WriteLog, w => w.Address == AgateVendorRegisters.OnGridMode);

        var unconfirmed = await Mode();
        Assert.Contains("Confirmed on this aGate: none yet", unconfirmed.StdOut, StringComparison.Ordinal);

        var confirm = await Mode("--cloud");
        Assert.True(confirm.ExitCode == 0, confirm.StdErr);
        Assert.Contains("confirmed on this aGate: 15507 = 2 is self-consumption", confirm.StdErr, StringComparison.Ordinal);
        Assert.Contains("15507 = 2 is self-consumption, confirmed by the cloud", confirm.StdOut, StringComparison.Ordinal);

        var json = await Mode("--json");
        var pair = Assert.Single(JsonDocument.Parse(json.StdOut).RootElement.GetProperty("confirmed").EnumerateArray());
        Assert.Equal(2, pair.GetProperty("raw").GetInt32());
        Assert.Equal("self-consumption", pair.GetProperty("mode").GetString());

        Assert.Contains("already in self-consumption", (await Mode("self")).StdOut, StringComparison.Ordinal);
        Assert.Equal(1, (await Mode("tou")).ExitCode); // still only self-consumption is known
        Assert.DoesNotContain(_agate.WriteLog, w => w.Address == AgateVendorRegisters.OnGridMode);
    }

    [Fact]
    public async Task A_confirmed_mode_is_written_read_back_and_the_reserve_reset_is_reported()
    {
        await StartAgateAsync(spanUnlocked: true);
        Assert.Equal(0, (await Mode("--cloud")).ExitCode);                       // 2 = self-consumption

        // The owner switches to time of use in the app: the cloud and the aGate both change.
        var cloud = await CliProcess.RunAsync(new Dictionary<string, string?>
        {
            ["ENERGYTAP_CONFIG_DIR"] = _directory,
            ["ENERGYTAP_CLOUD_EMAIL"] = SimulatedAccount.DemoEmail,
            ["ENERGYTAP_CLOUD_PASSWORD"] = SimulatedAccount.DemoPassword,
        }, Timeout, "cloud", "mode", "tou", "--gateway", Gateway, "--base-url", _baseUrl);
        Assert.True(cloud.ExitCode == 0, cloud.StdErr);
        await using (var modbus = new ModbusTcpClient(new ModbusClientOptions { Host = "127.0.0.1", Port = _agate.Endpoint.Port }))
        {
            await modbus.WriteSingleRegisterAsync(1, AgateVendorRegisters.OnGridMode, 1);
        }

        var confirm = await Mode("--cloud");
        Assert.Contains("15507 = 1 is time-of-use", confirm.StdErr, StringComparison.Ordinal);

        var change = await Mode("self");
        Assert.True(change.ExitCode == 0, change.StdErr);
        Assert.Equal(2, OnGridMode);
        Assert.Contains("Native mode now self-consumption (15507 = 2, read back); it was time-of-use (1)", change.StdOut, StringComparison.Ordinal);
        Assert.Contains("To go back: energytap agate mode time-of-use", change.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_SPAN_unlock_a_confirmed_mode_is_refused_and_nothing_changes()
    {
        await StartAgateAsync(spanUnlocked: false);
        Assert.Equal(0, (await Mode("--cloud")).ExitCode);
        // A locked aGate cannot be switched to show which number time-of-use is, so that second confirmation is
        // recorded through the store, as `--cloud` would have recorded it.
        var store = new EnergyTap.FranklinWH.Agate.Modes.ConfirmedModeStore(Path.Combine(_directory, "agate-modes.json"));
        var serial = Assert.Single(JsonDocument.Parse(await File.ReadAllTextAsync(store.Path)).RootElement.EnumerateObject()).Name;
        var (both, _) = (await store.LoadAsync(serial)).Observe(1, EnergyTap.FranklinWH.Cloud.Modes.WorkMode.TimeOfUse);
        await store.SaveAsync(serial, both);

        var refused = await Mode("tou");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("15507 does not take writes", refused.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, OnGridMode);
    }
}
