using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Revert;
using EnergyTap.Server.Adapters;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;
using EnergyTap.Simulators.Agate;
using EnergyTap.Simulators.Agate.Physics;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Tests.Service;

/// <summary>The aGate adapter's readings against the simulated aGate: what reaches history, metrics, MQTT and the dashboard.</summary>
public sealed class AgateAdapterTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("energytap-adapter-").FullName;
    private readonly SimulationClock _clock = new();
    private AgateSimulator? _simulator;
    private AgateAdapter? _adapter;

    [Fact]
    public async Task A_wrapped_large_site_value_is_marked_corrected()
    {
        _clock.Advance(TimeSpan.FromHours(12)); // midnight: a 20 kW home and no sun
        await PollAsync(new AgateSimulatorOptions { Site = AgatePhysicsOptions.LargeSite, Batteries = AgatePhysicsOptions.LargeSite.Batteries });
        await _adapter!.ApplyAsync(Command(BatteryCommandKind.Charge, 40_000, TimeSpan.FromMinutes(5)), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var readings = await _adapter.PollAsync(CancellationToken.None);

        var battery = readings.Single(r => r.Quantity == "battery_power");
        Assert.Equal(ReadingQuality.Corrected, battery.Quality);
        Assert.Equal(-40_000, battery.Value!.Value, 0);
        Assert.Equal(ReadingQuality.Corrected, readings.Single(r => r.Quantity == "battery_current").Quality);
        var grid = readings.Single(r => r.Quantity == "grid_power");
        Assert.Equal(ReadingQuality.Corrected, grid.Quality);
        Assert.Equal(_simulator!.Flow.GridWatts, grid.Value!.Value, 0);
        Assert.True(grid.Value > 32_767);
        Assert.Equal(ReadingQuality.Fresh, readings.Single(r => r.Quantity == "battery_soc").Quality);
    }

    [Fact]
    public async Task Grid_connected_follows_an_outage_of_the_simulated_aGate()
    {
        var readings = await PollAsync(new AgateSimulatorOptions());
        var connected = readings.Single(r => r.Quantity == "grid_connected");
        Assert.Equal(1, connected.Value);
        Assert.Equal("", connected.Unit);

        _simulator!.GridConnected = false;
        _clock.Advance(TimeSpan.FromSeconds(5));
        readings = await _adapter!.PollAsync(CancellationToken.None);
        Assert.Equal(0, readings.Single(r => r.Quantity == "grid_connected").Value);
        Assert.Equal(0, readings.Single(r => r.Quantity == "grid_power").Value);
    }

    [Fact]
    public async Task A_server_command_is_recorded_with_its_deadline_and_owner_so_the_cli_sees_no_zombie()
    {
        await PollAsync(new AgateSimulatorOptions());
        var command = Command(BatteryCommandKind.Charge, 2000, TimeSpan.FromMinutes(5));
        await _adapter!.ApplyAsync(command, CancellationToken.None);

        // What `energytap agate status` and `agate health` read: the shared record, then the registers.
        var record = await Store.GetAsync($"127.0.0.1:{_simulator!.Endpoint.Port}");
        Assert.NotNull(record);
        Assert.Equal(command.Deadline, record.Deadline);
        Assert.Contains("EnergyTap server", record.HeldBy, StringComparison.Ordinal);
        Assert.Contains("command 7 from api:127.0.0.1", record.HeldBy, StringComparison.Ordinal);

        await using var cli = await FranklinWH.Agate.AgateController.ConnectAsync(Options());
        var status = await cli.ReadStatusAsync();
        Assert.Equal(command.Deadline, status.Control.Timer.Deadline);
        Assert.Equal(TimeSpan.FromMinutes(5), status.Control.Timer.Remaining);
        var health = await cli.CheckHealthAsync(samples: 1);
        Assert.DoesNotContain(health.Findings, f => f.Code == "zombie-control");
        Assert.True(health.Healthy, string.Join("; ", health.Findings.Select(f => f.Message)));

        // The adapter's own command is not "someone else's".
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _adapter.PollAsync(CancellationToken.None);
        Assert.False(_adapter.LastObserved!.IsForeign);
    }

    [Fact]
    public async Task A_command_written_by_another_modbus_client_is_observed_with_its_power()
    {
        await PollAsync(new AgateSimulatorOptions());
        Assert.False(_adapter!.LastObserved!.Enabled);

        await ForeignChargeAsync(_simulator!, wsetPctRaw: -600);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _adapter.PollAsync(CancellationToken.None);

        var observed = _adapter.LastObserved!;
        Assert.True(observed.IsForeign);
        Assert.Null(observed.HeldBy);
        Assert.Equal(BatteryCommandKind.Charge, observed.Kind);
        Assert.Equal(_simulator!.CommandWatts!.Value, observed.Watts!.Value, 0);

        // An aGate that stops answering: what its registers said is no longer known, so nothing is claimed.
        await _simulator.DisposeAsync();
        _simulator = null;
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<Exception>(() => _adapter.PollAsync(CancellationToken.None));
        Assert.Null(_adapter.LastObserved);
    }

    /// <summary>What mbpoll or a `sequence run` writes: WSetMod=0, WSetPct (raw, scale -1), then WSetEna=1.</summary>
    internal static async Task ForeignChargeAsync(AgateSimulator simulator, short wsetPctRaw)
    {
        await using var modbus = new Modbus.ModbusTcpClient(new Modbus.ModbusClientOptions { Host = "127.0.0.1", Port = simulator.Endpoint.Port });
        await modbus.ConnectAsync();
        await modbus.WriteSingleRegisterAsync(1, (ushort)simulator.AddressOf("704.WSetMod"), 0);
        await modbus.WriteSingleRegisterAsync(1, (ushort)simulator.AddressOf("704.WSetPct"), unchecked((ushort)wsetPctRaw));
        await modbus.WriteSingleRegisterAsync(1, (ushort)simulator.AddressOf("704.WSetEna"), 1);
        Assert.NotNull(simulator.CommandWatts);
    }

    [Fact]
    public async Task An_ordinary_site_reads_fresh()
    {
        var readings = await PollAsync(new AgateSimulatorOptions());
        Assert.All(readings.Where(r => r.Value is not null), r => Assert.Equal(ReadingQuality.Fresh, r.Quality));
    }

    [Fact]
    public async Task The_serial_the_aGate_reports_describes_the_device_once()
    {
        var serials = new DeviceSerials();
        var learned = new List<DeviceDescriptor>();
        serials.Learned += learned.Add;

        await PollAsync(new AgateSimulatorOptions(), serials);
        await _adapter!.PollAsync(CancellationToken.None);

        var described = Assert.Single(learned);
        Assert.Equal("10060006A00000000005", described.Serial);
        Assert.Equal(described, serials.Describe(_adapter.Device));
        Assert.Null(_adapter.Device.Serial); // the configured identity is unchanged
    }

    private async Task<IReadOnlyList<Reading>> PollAsync(AgateSimulatorOptions options, DeviceSerials? serials = null)
    {
        _simulator = new AgateSimulator(options with { Port = 0, TimeProvider = _clock, Seed = 5 });
        await _simulator.StartAsync();
        _adapter = new AgateAdapter(new DeviceDescriptor("home", "agate", DeviceKind.Agate, "agate", "FranklinWH", "aGate"), Options(), TimeSpan.FromSeconds(5), serials);
        return await _adapter.PollAsync(CancellationToken.None);
    }

    private RevertStore Store => new(Path.Combine(_directory, "agate-commands.json"));

    private AgateConnectionOptions Options() => new()
    {
        Host = "127.0.0.1",
        Port = _simulator!.Endpoint.Port,
        Store = Store,
        TimeProvider = _clock,
        RequestTimeout = TimeSpan.FromSeconds(5),
        Control = new FranklinWH.Agate.Control.AgateControlOptions { Settling = TimeSpan.Zero },
    };

    private Control.ActiveCommand Command(BatteryCommandKind kind, double watts, TimeSpan duration) =>
        new("7", "home", "agate", kind, watts, _clock.GetUtcNow(), _clock.GetUtcNow() + duration, "api:127.0.0.1");

    public async ValueTask DisposeAsync()
    {
        if (_adapter is not null)
        {
            await _adapter.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
