using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Tests.Simulator;

public class LegacySimulatorTests
{
    [Fact]
    public async Task Reads_every_device_type_from_a_daytime_SunVault_site()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Ess = true });
        await using var client = await site.ConnectAsync();
        Assert.Equal(PvsGeneration.Legacy, client.Generation);

        var snapshot = await client.GetDevicesAsync();
        Assert.Equal(site.Pvs.Serial, snapshot.Supervisor!.Serial);
        Assert.Equal(12, snapshot.Inverters.Count());
        Assert.All(snapshot.Inverters, i => Assert.True(i.IsWorking));
        Assert.True(snapshot.VirtualProductionMeter.Power.Value > 0.5);
        Assert.True(snapshot.ProductionMeter!.Power!.Value.Value > 0.5);
        Assert.NotNull(snapshot.ConsumptionMeter!.Voltage12);
        var kinds = snapshot.StorageDevices.Select(d => d.Kind).ToHashSet();
        Assert.Superset(new HashSet<PvsDeviceKind> { PvsDeviceKind.HubPlus, PvsDeviceKind.EssHub, PvsDeviceKind.PvDisconnect, PvsDeviceKind.Gateway,
            PvsDeviceKind.StorageInverter, PvsDeviceKind.EssBms, PvsDeviceKind.Battery, PvsDeviceKind.EnergyStorageSystem }, kinds);
        Assert.DoesNotContain(snapshot.Devices, d => d is PvsUnknownDevice);

        var live = await client.GetLiveDataAsync();
        Assert.Equal(snapshot.ProductionMeter.Power, live.PvPower);
        Assert.Equal(1, site.Pvs.Requests.DeviceLists);

        // DeviceList has no SunVault metric; the client takes SoC and power from energy-storage-system/status.
        var status = await client.Legacy.GetJsonAsync("energy-storage-system/status");
        var reported = status.GetProperty("ess_report").GetProperty("battery_status").EnumerateArray()
            .Average(b => b.GetProperty("state_of_charge").GetProperty("value").GetDouble()); // percent
        Assert.Equal(reported, snapshot.Battery.StateOfCharge!.Value.Value, 3);
        var agg = status.GetProperty("ess_report").GetProperty("ess_status")[0].GetProperty("ess_meter_reading").GetProperty("agg_power").GetProperty("value").GetDouble();
        Assert.Equal(agg, snapshot.Battery.Power!.Value.Value, 3);
    }

    [Fact]
    public async Task At_night_inverters_sleep_without_metrics()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy }, SimulatedSite.SiteNight);
        await using var client = await site.ConnectAsync();
        var snapshot = await client.GetDevicesAsync();
        Assert.All(snapshot.Inverters, i =>
        {
            Assert.False(i.IsWorking);
            Assert.Null(i.AcPower);
        });
        Assert.Equal(0, snapshot.VirtualProductionMeter.Reporting);
        Assert.True(snapshot.ProductionMeter!.Power!.Value.Value <= 0); // self-consumption
    }

    [Fact]
    public async Task Every_command_works_against_the_simulator()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 4 });
        await using var client = await site.ConnectAsync();
        var legacy = client.Legacy;

        Assert.Equal(site.Pvs.Serial, (await legacy.StartAsync()).Serial);
        await legacy.StopAsync();
        Assert.NotEmpty((await client.GetCommAsync()).Interfaces);
        Assert.False((await client.CheckFirmwareAsync()).UpdateAvailable);
        await Assert.ThrowsAsync<PvsCommandNotSupportedException>(() => legacy.DeviceDetailsAsync(site.Pvs.Serial));
        var status = await client.GetGridProfileStatusAsync();
        var profiles = await client.GetGridProfilesAsync();
        Assert.Contains(profiles, p => p.Id == status.ActiveId);
        Assert.NotNull((await legacy.GetCellPurchasedAsync()).CellPurchased);
        await legacy.SetCellPurchasedAsync(site.Pvs.Serial);
        Assert.NotEmpty((await legacy.GetDiscoveryProgressAsync()).Steps);
        Assert.NotEmpty(await legacy.DevicesListAsync());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, (await legacy.GetJsonAsync("energy-storage-system/status")).ValueKind);
        Assert.Equal(0, site.Pvs.Restarts);
    }

    [Fact]
    public async Task Polling_every_five_seconds_for_an_hour_keeps_the_PVS_healthy()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy });
        await using var client = await site.ConnectAsync();
        for (var step = 0; step < 720; step++)
        {
            var readers = Enumerable.Range(0, 5).Select(_ => client.GetDevicesAsync()).ToList();
            await Task.WhenAll(readers);
            site.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(0, site.Pvs.Restarts);
        Assert.InRange(site.Pvs.Requests.DeviceLists, 12, 14); // one per 5-minute refresh
        Assert.Equal(1, site.Pvs.Requests.MaxConcurrent);
        Assert.Equal(0, client.Stats.RebootsDetected);
    }

    [Fact]
    public async Task A_crash_is_ridden_out_with_backoff_and_the_restart_is_detected()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 4 });
        await using var client = await site.ConnectAsync();
        await client.GetDevicesAsync();
        site.Time.Advance(TimeSpan.FromMinutes(6)); // the cached list is due for a refresh
        site.Pvs.Reboot();

        await Assert.ThrowsAsync<PvsUnavailableException>(() => client.GetDevicesAsync());
        var during = site.Pvs.Requests.Total;
        for (var i = 0; i < 50; i++)
        {
            await Assert.ThrowsAsync<PvsUnavailableException>(() => client.GetDevicesAsync());
        }

        Assert.Equal(during, site.Pvs.Requests.Total); // backing off, not hammering

        for (var minute = 0; minute < 15 && client.Stats.RebootsDetected == 0; minute++)
        {
            site.Time.Advance(TimeSpan.FromMinutes(1));
            try
            {
                await client.GetDevicesAsync();
            }
            catch (PvsUnavailableException)
            {
                // still down or still backing off
            }
        }

        Assert.Equal(1, client.Stats.RebootsDetected);
        Assert.Equal(1, site.Pvs.Restarts);
    }

    [Fact]
    public async Task Inverters_missing_from_a_night_discovery_appear_after_sunrise()
    {
        var beforeDawn = new DateTimeOffset(2025, 7, 1, 13, 40, 0, TimeSpan.Zero); // 05:40 at the site
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 6, InvertersMissingUntilSunrise = true }, beforeDawn);
        await using var client = await site.ConnectAsync();
        Assert.Empty((await client.GetDevicesAsync()).Inverters);

        var seen = 0;
        for (var minute = 0; minute < 90 && seen < 6; minute++)
        {
            site.Time.Advance(TimeSpan.FromMinutes(1));
            seen = (await client.GetDevicesAsync()).Inverters.Count();
        }

        Assert.Equal(6, seen);
        Assert.InRange(site.Pvs.Requests.DeviceLists, 2, 20); // re-read on the 5-minute cadence, not every minute
    }
}
