using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Adapters;

/// <summary>
/// FranklinWH cloud stats for one gateway. The cloud's daily kWh counters reset at local midnight;
/// Prometheus and Home Assistant (total_increasing) both treat that as a counter reset.
/// A <c>valid:false</c> answer yields stale readings, never zeros. A refused login stops this poller for good:
/// every automatic retry with the same wrong password brings the account closer to a lockout.
/// <c>grid_connected</c> is 1 on the grid and 0 off it, as runtimeData says (offgridreason null = on the grid).
/// A configured gateway id is resolved once to the account's own spelling: the cloud's ids are case-sensitive.
/// </summary>
public sealed class CloudStatsPoller(DeviceDescriptor device, FranklinCloudClient client, string? gatewayId, TimeSpan interval, TimeProvider time)
    : IDevicePoller
{
    private string? _gatewayId;

    public DeviceDescriptor Device { get; } = device;

    public string DataClass => "stats";

    public PollSchedule Schedule { get; } = new(interval, TimeSpan.FromSeconds(60));

    public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadStatsAsync(cancellationToken);
        }
        catch (CloudAuthenticationException ex)
        {
            throw new PollingStoppedException(
                $"{ex.Message} Polling of this account has stopped so that retries cannot lock it; correct the email or password in the configuration and restart the service.",
                ex);
        }
    }

    private async Task<IReadOnlyList<Reading>> ReadStatsAsync(CancellationToken cancellationToken)
    {
        _gatewayId ??= (await client.ResolveGatewayAsync(gatewayId, cancellationToken)).Id;
        var stats = await client.GetStatsAsync(_gatewayId, cancellationToken: cancellationToken);
        var quality = stats.IsStale ? ReadingQuality.Stale : ReadingQuality.Fresh;
        var at = stats.ValuesAt ?? time.GetUtcNow();
        var r = new ReadingBuilder(Device.Site, Device.Id, at, quality);
        var now = stats.Current;
        r.Kilowatts("solar_power", now?.SolarKw)
            .Kilowatts("home_load_power", now?.LoadKw)
            .Kilowatts("grid_power", now?.GridKw)
            .Kilowatts("battery_power", now?.BatteryKw)
            .Add("battery_soc", now?.SocPercent, "%")
            .Kilowatts("generator_power", now?.GeneratorKw)
            .Kilowatts("v2l_power", now?.V2lUseKw)
            .Add("grid_connected", now?.GridConnected is { } onGrid ? (onGrid ? 1 : 0) : null, "");
        var today = stats.Totals;
        r.KilowattHours("solar_energy", today?.SolarKwh)
            .KilowattHours("home_load_energy", today?.LoadKwh)
            .KilowattHours("grid_energy_import", today?.GridImportKwh)
            .KilowattHours("grid_energy_export", today?.GridExportKwh)
            .KilowattHours("battery_energy_charged", today?.BatteryChargeKwh)
            .KilowattHours("battery_energy_discharged", today?.BatteryDischargeKwh)
            .KilowattHours("generator_energy", today?.GeneratorKwh);
        return r.Readings;
    }
}
