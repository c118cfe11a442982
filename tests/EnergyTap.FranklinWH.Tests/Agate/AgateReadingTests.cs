using EnergyTap.FranklinWH.Agate.Reading;

namespace EnergyTap.FranklinWH.Tests.Agate;

public class AgateReadingTests
{
    [Fact]
    public async Task Status_reads_everything_and_writes_nothing()
    {
        await using var rig = await AgateTestRig.StartAsync(o => o with { Batteries = 2 });
        var owner = await rig.ConnectAsync();
        await owner.ChargeAsync(4000);
        var writesBefore = rig.Simulator.WriteLog.Count;
        rig.Clock.Advance(TimeSpan.FromSeconds(20));

        var status = await (await rig.ConnectAsync()).ReadStatusAsync();
        Assert.Equal(writesBefore, rig.Simulator.WriteLog.Count);

        Assert.True(status.Control.Enabled);
        Assert.Equal(-40, status.Control.WSetPct);
        Assert.Equal(-4000, status.Control.CommandedWatts);
        Assert.True(status.Control.Timer.Active);
        Assert.Equal(-4000, status.Battery.DcWatts);
        Assert.Equal(BatteryState.Charging, status.Battery.State);
        Assert.Equal(2, status.Battery.Ports.Count);
        Assert.All(status.Battery.Ports, p =>
        {
            Assert.Equal(-2000, p.DcWatts);
            Assert.Equal(Math.Round(p.DcWatts!.Value / p.DcVolts!.Value, 2), p.DcAmps);
            Assert.Equal(BatteryState.Charging, p.State);
        });
        Assert.Equal(0, status.Battery.HealthStatusRaw);
        Assert.InRange(status.Battery.SocPercent!.Value, 0, 100);

        Assert.Equal(rig.Simulator.Flow.HomeLoadWatts, status.HomeLoad.Watts!.Value, 0);
        Assert.Equal(rig.Simulator.Flow.SolarWatts, status.Solar.Model502Watts!.Value, 0);
        Assert.Equal(rig.Simulator.Flow.GridWatts, status.Grid.ImportWatts!.Value, 0);

        Assert.Equal(2, status.NativeMode.Mode.Raw);
        Assert.Equal("Self-Consumption", status.NativeMode.Mode.Name);
        Assert.True(status.NativeMode.ReservesMirror);
        Assert.Equal(ExtensionAccess.NotProbed, status.NativeMode.Access);
    }

    [Fact]
    public async Task Nameplate_reports_the_aGate_and_its_ratings()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var plate = (await rig.ConnectAsync()).Nameplate;
        Assert.Equal("FranklinWH Technologies Co., Ltd", plate.Manufacturer);
        Assert.Equal("aGate X", plate.Model);
        Assert.Equal("V10R01B04D00", plate.Firmware);
        Assert.Equal(5000, plate.EffectiveRatings.ChargeWatts);
        Assert.False(plate.EffectiveRatings.ChargeIsFallback);
        Assert.Equal(1, plate.Batteries);
        Assert.Equal(0, plate.BaseAddress);
    }

    [Fact]
    public async Task Solar_prefers_the_vendor_register_but_survives_its_dropouts()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var controller = await rig.ConnectAsync();
        var readings = new List<SolarReading>();
        for (var i = 0; i < 20; i++)
        {
            readings.Add(await controller.ReadSolarAsync());
        }

        Assert.Contains(readings, r => r.VendorWatts is null);
        Assert.Contains(readings, r => r.VendorWatts is not null);
        Assert.All(readings, r => Assert.NotNull(r.Watts));
    }

    [Fact]
    public async Task Extension_probe_is_opt_in_and_restores_the_reserve()
    {
        await using var locked = await AgateTestRig.StartAsync();
        var controller = await locked.ConnectAsync();
        Assert.Empty(locked.Simulator.WriteLog);
        Assert.Equal(ExtensionAccess.ReadOnly, await controller.ProbeExtensionAccessAsync());
        Assert.Equal(20, locked.Simulator.ReadRegister(AgateVendorRegisters.SelfReserve));

        await using var unlocked = await AgateTestRig.StartAsync(o => o with { SpanUnlocked = true });
        var probing = await unlocked.ConnectAsync();
        Assert.Equal(ExtensionAccess.Writable, await probing.ProbeExtensionAccessAsync());
        Assert.Equal(20, unlocked.Simulator.ReadRegister(AgateVendorRegisters.SelfReserve));
        Assert.Equal(20, unlocked.Simulator.ReadRegister(AgateVendorRegisters.TouReserve));
        Assert.Equal(2, unlocked.Simulator.WriteLog.Count);
    }
}
