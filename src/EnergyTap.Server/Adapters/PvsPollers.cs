using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;
using EnergyTap.SunPower;
using EnergyTap.SunPower.Model;

namespace EnergyTap.Server.Adapters;

/// <summary>
/// The two data classes of a PVS, sharing one polite client (which serialises their requests):
/// the heavy DeviceList (supervisor, meters, inverters, SunVault) and, on LocalAPI firmware, the
/// cheap cached livedata. A firmware update from dl_cgi to the LocalAPI is noticed (legacy commands
/// answer 403) and the client is rebuilt, so the next poll detects the generation and logs in.
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
            new LiveDataPoller(device, connection, liveInterval, options.TimeProvider),
        ];
        return (pollers, connection);
    }

    /// <summary>
    /// Runs one read on the shared client. A legacy client refused with 403 is talking to LocalAPI firmware now
    /// (an update rebooted the PVS into it): the client is dropped so that the next poll detects the generation again.
    /// </summary>
    private static async Task<T> UseAsync<T>(LazyConnection<PvsClient> connection, Func<PvsClient, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var client = await connection.GetAsync(cancellationToken);
        try
        {
            return await read(client, cancellationToken);
        }
        catch (PvsAuthenticationException ex) when (client.Generation == PvsGeneration.Legacy)
        {
            await connection.ResetAsync(client);
            throw new PvsAuthenticationException($"the PVS firmware changed to the LocalAPI; detecting it again at the next poll ({ex.Message})", ex);
        }
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
            var snapshot = await UseAsync(connection, (client, ct) => client.GetDevicesAsync(ct), cancellationToken);
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

    private sealed class LiveDataPoller(DeviceDescriptor device, LazyConnection<PvsClient> connection, TimeSpan interval, TimeProvider time) : IDevicePoller
    {
        public DeviceDescriptor Device => device;
        public string DataClass => "livedata";
        public PollSchedule Schedule { get; } = new(interval, TimeSpan.FromSeconds(30));

        public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
        {
            var live = await UseAsync<PvsLiveData?>(connection, async (client, ct) =>
                client.Generation == PvsGeneration.Varserver ? await client.GetLiveDataAsync(ct) : null, cancellationToken);
            if (live is null)
            {
                return []; // legacy firmware has no livedata; the DeviceList poller covers it
            }

            var r = new ReadingBuilder(device.Site, device.Id, live.Time ?? time.GetUtcNow());
            return r.Add("solar_power", live.PvPower)
                .Add("grid_power", live.NetPower)
                .Add("home_load_power", live.SiteLoadPower)
                .Add("battery_power", live.EssPower)
                .Add("battery_soc", live.StateOfCharge)
                .Readings;
        }
    }
}
