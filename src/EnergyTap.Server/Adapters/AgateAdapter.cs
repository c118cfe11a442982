using EnergyTap.FranklinWH.Agate;
using EnergyTap.Server.Control;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;
using AgateCommand = EnergyTap.FranklinWH.Agate.Control.BatteryCommand;
using AgateCommandKind = EnergyTap.FranklinWH.Agate.Control.BatteryCommandKind;

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

    public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
    {
        var agate = await _connection.GetAsync(cancellationToken);
        if (_serials is not null && !_identified)
        {
            // The serial does not change; read the nameplate once, not every poll.
            _serials.Learn(Device, (await agate.ReadNameplateAsync(cancellationToken)).SerialNumber);
            _identified = true;
        }

        var status = await agate.ReadStatusAsync(cancellationToken);
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

    /// <summary>The supervisor owns the deadline, so the command is sent without the controller's own timer.</summary>
    public async Task ApplyAsync(BatteryCommandKind kind, double watts, CancellationToken cancellationToken)
    {
        var agate = await _connection.GetAsync(cancellationToken);
        var command = kind switch
        {
            BatteryCommandKind.Charge => AgateCommand.Charge((int)Math.Round(watts)),
            BatteryCommandKind.Discharge => AgateCommand.Discharge((int)Math.Round(watts)),
            _ => new AgateCommand(AgateCommandKind.Idle, 0),
        };
        await agate.SendAsync(command, revertAfter: null, cancellationToken);
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var agate = await _connection.GetAsync(cancellationToken);
        await agate.ReleaseAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
