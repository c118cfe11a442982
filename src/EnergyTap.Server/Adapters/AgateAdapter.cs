using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.Server.Control;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;
using AgateCommand = EnergyTap.FranklinWH.Agate.Control.BatteryCommand;

namespace EnergyTap.Server.Adapters;

/// <summary>
/// One aGate over Modbus: a poller for its readings and the battery controller the supervisor
/// commands, sharing one connection (the controller serialises Modbus requests).
/// </summary>
public sealed class AgateAdapter : IDevicePoller, IBatteryController, IAsyncDisposable
{
    private readonly LazyConnection<AgateController> _connection;
    private readonly double _reserveSocPercent;
    private readonly DeviceSerials? _serials;
    private bool _identified;
    private volatile ObservedControl? _observed;

    public AgateAdapter(DeviceDescriptor device, AgateConnectionOptions options, TimeSpan interval, DeviceSerials? serials = null)
    {
        Device = device;
        _serials = serials;
        Schedule = new PollSchedule(interval, TimeSpan.FromSeconds(20));
        _reserveSocPercent = options.Control.ReserveSocPercent;
        _connection = new LazyConnection<AgateController>(ct => AgateController.ConnectAsync(options, ct));
    }

    public DeviceDescriptor Device { get; }

    public string DataClass => "modbus";

    public PollSchedule Schedule { get; }

    public ObservedControl? LastObserved => _observed;

    public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
    {
        AgateStatus status;
        try
        {
            var agate = await _connection.GetAsync(cancellationToken);
            if (_serials is not null && !_identified)
            {
                // The serial does not change; read the nameplate once, not every poll.
                _serials.Learn(Device, (await agate.ReadNameplateAsync(cancellationToken)).SerialNumber);
                _identified = true;
            }

            status = await agate.ReadStatusAsync(cancellationToken);
        }
        catch
        {
            _observed = null; // an unreachable aGate's last control state is no longer known
            throw;
        }

        _observed = Observe(status);
        var r = new ReadingBuilder(Device.Site, Device.Id, status.At);
        var battery = status.Battery;
        r.Add("battery_power", battery.DcWatts, "W", battery.PowerCorrected)
            .Add("battery_soc", battery.SocPercent, "%")
            .Add("battery_soh", battery.SohPercent, "%")
            .Add("battery_voltage", battery.DcVolts, "V")
            .Add("battery_current", battery.DcAmps, "A", battery.PowerCorrected)
            .Add("battery_temperature", battery.TemperatureC, "°C")
            .Add("solar_power", status.Solar.Watts, "W")
            .Add("grid_power", status.Grid.ImportWatts, "W", status.Grid.PowerCorrected)
            .Add("home_load_power", status.HomeLoad.Watts, "W")
            .Add("battery_reserve_soc", status.NativeMode.SelfReservePercent, "%")
            .Add("grid_connected", status.Grid.Connected is { } connected ? (connected ? 1 : 0) : null, "");
        return r.Readings;
    }

    public async Task<BatteryLimits> ReadLimitsAsync(CancellationToken cancellationToken)
    {
        var agate = await _connection.GetAsync(cancellationToken);
        var ratings = (await agate.ReadNameplateAsync(cancellationToken)).EffectiveRatings;
        return new BatteryLimits(ratings.ChargeWatts, ratings.DischargeWatts, _reserveSocPercent);
    }

    public async Task<double?> ReadSocPercentAsync(CancellationToken cancellationToken)
    {
        var agate = await _connection.GetAsync(cancellationToken);
        return (await agate.ReadBatteryAsync(cancellationToken)).SocPercent;
    }

    /// <summary>
    /// The supervisor owns the deadline and releases at it; the aGate's command record (shared with `energytap agate`)
    /// carries that deadline and this server as the owner, so the CLI shows the command instead of an abandoned one.
    /// </summary>
    public async Task ApplyAsync(ActiveCommand command, CancellationToken cancellationToken)
    {
        var agate = await _connection.GetAsync(cancellationToken);
        var watts = (int)Math.Round(command.Watts);
        var battery = command.Kind switch
        {
            BatteryCommandKind.Charge => AgateCommand.Charge(watts),
            BatteryCommandKind.Discharge => AgateCommand.Discharge(watts),
            _ => new AgateCommand(BatteryCommandKind.Idle, 0),
        };
        await agate.SendAsync(battery, new CommandHold(command.Deadline, OwnerOf(command)), cancellationToken);
    }

    /// <summary>How the record names a command of this server: `agate status` and `agate health` print it.</summary>
    internal static string OwnerOf(ActiveCommand command) =>
        $"{OwnerPrefix} (process {Environment.ProcessId}), command {command.Id} from {command.Actor}";

    private const string OwnerPrefix = "EnergyTap server";

    private static ObservedControl Observe(AgateStatus status)
    {
        var timer = status.Control.Timer;
        var mine = timer.Active && timer.ProcessId == Environment.ProcessId && timer.HeldBy?.StartsWith(OwnerPrefix, StringComparison.Ordinal) == true;
        return new ObservedControl(status.At, status.Control.Enabled, status.Control.CommandedWatts,
            timer.Active ? timer.HeldBy : null, timer.Active ? timer.Deadline : null, mine);
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var agate = await _connection.GetAsync(cancellationToken);
        await agate.ReleaseAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
