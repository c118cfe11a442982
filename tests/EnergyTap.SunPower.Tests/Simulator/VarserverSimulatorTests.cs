using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Tests.Simulator;

public class VarserverSimulatorTests
{
    [Fact]
    public async Task Detects_the_LocalAPI_and_reads_devices_and_livedata_with_only_an_address()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Ess = true });
        await using var client = await site.ConnectAsync(); // serial comes from supervisor/info
        Assert.Equal(PvsGeneration.Varserver, client.Generation);

        var snapshot = await client.GetDevicesAsync();
        Assert.Equal(site.Pvs.Serial, snapshot.Supervisor!.Serial);
        Assert.Equal(12, snapshot.Inverters.Count());
        Assert.True(snapshot.VirtualProductionMeter.Power.Value > 0.5);
        Assert.NotNull(snapshot.ProductionMeter!.Power);
        Assert.NotNull(snapshot.ConsumptionMeter!.Power);
        var ess = Assert.Single(snapshot.Devices.OfType<PvsEnergyStorageSystem>());
        Assert.InRange(ess.StateOfCharge!.Value.Value, 0, 100);
        Assert.NotNull(snapshot.Battery.StateOfCharge);

        var live = await client.GetLiveDataAsync();
        Assert.Equal(PvsLiveDataSource.Varserver, live.Source);
        Assert.NotNull(live.PvPower);
        Assert.NotNull(live.StateOfCharge);
        Assert.Equal(1, site.Pvs.Requests[Simulators.Pvs.PvsRequestCounters.Login]);
    }

    [Fact]
    public async Task The_old_DeviceList_is_refused_but_devices_list_works_with_the_session()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 4 });
        await using var client = await site.ConnectAsync(site.Pvs.Serial);
        await Assert.ThrowsAsync<PvsAuthenticationException>(() => client.Legacy.DeviceListAsync());
        Assert.Equal(4, (await client.Legacy.DevicesListAsync()).OfType<PvsInverter>().Count());
        Assert.NotNull((await client.GetGridProfileStatusAsync()).ActiveId);
        Assert.NotEmpty((await client.GetCommAsync()).Interfaces);
    }

    [Fact]
    public async Task Build_61840_per_device_objects_give_the_same_model()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, EmulateBuild61840 = true, Inverters = 5, Ess = true });
        await using var client = await site.ConnectAsync();
        var snapshot = await client.GetDevicesAsync();
        Assert.Equal(5, snapshot.Inverters.Count());
        Assert.All(snapshot.Inverters, i => Assert.NotNull(i.AcPower));
        Assert.NotNull(snapshot.ProductionMeter?.Power);
        Assert.NotNull(snapshot.Battery.StateOfCharge);
    }

    [Fact]
    public async Task PVS5_puts_the_build_in_SWVER_and_is_still_detected()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Model = PvsModel.PVS5, Inverters = 3 });
        await using var client = await site.ConnectAsync();
        Assert.Equal(PvsGeneration.Varserver, client.Generation);
        Assert.True(client.SupervisorInfo!.IsPvs5);
        Assert.Equal(3, (await client.GetDevicesAsync()).Inverters.Count());
    }

    [Fact]
    public async Task Expired_sessions_and_forgotten_cache_ids_are_recovered()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 3 });
        await using var client = await site.ConnectAsync();
        await client.GetDevicesAsync();
        site.Pvs.ExpireSessions();
        site.Time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(3, (await client.GetDevicesAsync()).Inverters.Count());
        Assert.Equal(2, client.Stats.Logins);

        site.Time.Advance(TimeSpan.FromMinutes(11)); // past the session lifetime
        Assert.NotNull((await client.GetLiveDataAsync()).PvPower);
        Assert.Equal(3, client.Stats.Logins);
    }

    [Fact]
    public async Task A_query_the_PVS_never_answers_times_out()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, HangOnUnknownVariable = true, Inverters = 1 });
        await using var client = await site.ConnectAsync();
        var read = client.Varserver!.GetAsync(["/sys/info/does_not_exist"]);
        await Politeness.PolitenessTests.WaitUntil(() => site.Pvs.Requests[Simulators.Pvs.PvsRequestCounters.Vars] == 1);
        site.Time.Advance(TimeSpan.FromSeconds(21));
        await Assert.ThrowsAsync<PvsTimeoutException>(() => read);
    }

    [Fact]
    public async Task TLS_with_the_pinned_fingerprint_works_and_a_wrong_pin_is_refused()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Tls = true, Inverters = 2 });
        await using (var pinned = await PvsClient.ConnectAsync(site.Address, site.ClientOptions() with { CertificateFingerprint = site.Pvs.CertificateSha256 }))
        {
            Assert.Equal(2, (await pinned.GetDevicesAsync()).Inverters.Count());
        }

        var wrong = new string('0', 64);
        await Assert.ThrowsAsync<PvsUnavailableException>(() => PvsClient.ConnectAsync(site.Address, site.ClientOptions() with { CertificateFingerprint = wrong }));
    }
}
