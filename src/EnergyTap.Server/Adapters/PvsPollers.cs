using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;
using EnergyTap.SunPower;
using EnergyTap.SunPower.Model;

namespace EnergyTap.Server.Adapters;

/// <summary>
/// The two data classes of a PVS, sharing one polite client (which serialises their requests):
/// the heavy DeviceList (supervisor, meters, inverters, SunVault) and, on LocalAPI firmware, the
/// cheap cached livedata.
/// </summary>
public static class PvsPollers
{
    public static (IReadOnlyList<IDevicePoller> Pollers, IAsyncDisposable Connection) Create(
        DeviceDescriptor device, string address, PvsClientOptions options, TimeSpan deviceListInterval, TimeSpan liveInterval)
    {
        var connection = new LazyConnection<PvsClient>(ct => PvsClient.ConnectAsync(address, options, ct));
        IDevicePoller[] pollers =
        [
            new DeviceListPoller(device, connection, deviceListInterval),
            new LiveDataPoller(device, connection, liveInterval),
        ];
        return (pollers, connection);
    }

    /// <summary>
    /// Assumes the usual wiring: the production meter measures the panels, the consumption meter is
    /// net at the service entrance (positive = import), so home load = production + net.
    /// </summary>
    private sealed class DeviceListPoller(DeviceDescriptor device, LazyConnection<PvsClient> connection, TimeSpan interval) : IDevicePoller
    {
        public DeviceDescriptor Device => device;
        public string DataClass => "devicelist";

        // DeviceList can take over a minute on a large system.
        public PollSchedule Schedule { get; } = new(interval, TimeSpan.FromSeconds(150)) { MaxBackoff = TimeSpan.FromMinutes(30) };

        public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
        {
            var client = await connection.GetAsync(cancellationToken);
            var snapshot = await client.GetDevicesAsync(cancellationToken);
            var r = new ReadingBuilder(device.Site, device.Id, snapshot.FetchedAt);
            r.Add("supervisor_uptime", snapshot.Supervisor?.Uptime);

            var production = snapshot.ProductionMeter?.Power ?? snapshot.VirtualProductionMeter.Power;
            var net = snapshot.ConsumptionMeter?.Power;
            r.Add("solar_power", production);
            r.Add("grid_power", net);
            if (net is { } n)
            {
                r.Add("home_load_power", new Quantity(Math.Max(0, production.Value + n.Value), PvsUnit.Kilowatt));
            }

            r.Add("solar_energy", snapshot.ProductionMeter?.NetEnergy);
            r.Add("grid_energy_import", snapshot.ConsumptionMeter?.PositiveEnergy);
            r.Add("grid_energy_export", snapshot.ConsumptionMeter?.NegativeEnergy is { } exported ? exported with { Value = Math.Abs(exported.Value) } : null);

            foreach (var inverter in snapshot.Inverters)
            {
                var id = $"{device.Id}-{inverter.Serial}";
                r.Add("inverter_power", inverter.IsWorking ? inverter.AcPower ?? new Quantity(0, PvsUnit.Kilowatt) : new Quantity(0, PvsUnit.Kilowatt), id);
                r.Add("inverter_energy", inverter.LifetimeEnergy, id);
                r.Add("inverter_temperature", inverter.HeatsinkTemperature, id);
                r.Add("inverter_dc_voltage", inverter.DcVoltage, id);
            }

            var battery = snapshot.Battery;
            r.Add("battery_power", battery.Power);
            r.Add("battery_soc", battery.CustomerStateOfCharge ?? battery.StateOfCharge);
            return r.Readings;
        }
    }

    private sealed class LiveDataPoller(DeviceDescriptor device, LazyConnection<PvsClient> connection, TimeSpan interval) : IDevicePoller
    {
        public DeviceDescriptor Device => device;
        public string DataClass => "livedata";
        public PollSchedule Schedule { get; } = new(interval, TimeSpan.FromSeconds(30));

        public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
        {
            var client = await connection.GetAsync(cancellationToken);
            if (client.Generation != PvsGeneration.Varserver)
            {
                return []; // legacy firmware has no livedata; the DeviceList poller covers it
            }

            var live = await client.GetLiveDataAsync(cancellationToken);
            var r = new ReadingBuilder(device.Site, device.Id, live.Time ?? DateTimeOffset.UtcNow);
            return r.Add("solar_power", live.PvPower)
                .Add("grid_power", live.NetPower)
                .Add("home_load_power", live.SiteLoadPower)
                .Add("battery_power", live.EssPower)
                .Add("battery_soc", live.StateOfCharge)
                .Readings;
        }
    }
}
