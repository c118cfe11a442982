using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Revert;

namespace EnergyTap.FranklinWH.Tests.Agate;

public class AgateCommandTests
{
    [Fact]
    public async Task Charge_runs_the_four_steps_with_the_inverted_sign_and_never_writes_WSet()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var controller = await rig.ConnectAsync();
        var result = await controller.ChargeAsync(2000);

        Assert.Equal(-40, result.WSetPct);
        Assert.Equal(-400, result.WSetPctRaw);
        Assert.Null(result.Deadline);
        Assert.Equal(-2000, rig.Simulator.CommandWatts);
        Assert.Equal(-40, rig.Point("704.WSetPct"));
        Assert.Equal(1, rig.Point("704.WSetEna"));

        // STOP, CONFIG (WSetMod and WSetPct are not adjacent: two FC16 runs), ENABLE — and no WSet.
        var log = rig.Simulator.WriteLog;
        Assert.Equal(["704.WSetEna", "704.WSetMod", "704.WSetPct", "704.WSetEna"], log.SelectMany(w => w.Points));
        Assert.Equal([(ushort)0], log[0].Values);
        Assert.Equal([unchecked((ushort)-400)], log[2].Values);
        Assert.Equal([(ushort)1], log[^1].Values);
        Assert.All(log, w => Assert.Empty(w.Discarded));

        var record = await new RevertStore(rig.StatePath).GetAsync($"127.0.0.1:{rig.Simulator.Endpoint.Port}");
        Assert.Equal(BatteryCommand.Charge(2000), record!.Command);
        Assert.Null(record.Deadline);
    }

    [Fact]
    public async Task Discharge_and_idle_land_on_the_battery()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var controller = await rig.ConnectAsync();
        await controller.DischargeAsync(1500);
        Assert.Equal(1500, rig.Simulator.CommandWatts);
        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        var battery = await controller.ReadBatteryAsync();
        Assert.Equal(1500, battery.DcWatts);
        Assert.Equal(FranklinWH.Agate.Reading.BatteryState.Discharging, battery.State);

        await controller.IdleAsync();
        Assert.Equal(0, rig.Simulator.CommandWatts);
        Assert.Equal(1, rig.Point("704.WSetEna"));
    }

    [Fact]
    public async Task Release_zeroes_WSet_and_WSetPct_and_disables_control()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var controller = await rig.ConnectAsync();
        await controller.ChargeAsync(3000, TimeSpan.FromMinutes(5));
        var released = await controller.ReleaseAsync();

        Assert.True(released.WasEnabled);
        Assert.Equal(BatteryCommand.Charge(3000), released.Released!.Command);
        Assert.Equal(0, rig.Point("704.WSetEna"));
        Assert.Equal(0, rig.Point("704.WSet"));
        Assert.Equal(0, rig.Point("704.WSetPct"));
        Assert.Null(rig.Simulator.CommandWatts);
        Assert.False((await controller.GetTimerStatusAsync()).Active);
    }

    [Theory]
    [InlineData(5001, 60.0)]
    [InlineData(-100, 60.0)]
    public async Task Refused_charges_write_nothing(int watts, double soc)
    {
        await using var rig = await AgateTestRig.StartAsync(o => o with { Site = o.Site with { InitialSocPercent = soc } });
        var controller = await rig.ConnectAsync();
        await Assert.ThrowsAsync<AgateCommandRefusedException>(() => controller.ChargeAsync(watts));
        Assert.Empty(rig.Simulator.WriteLog);
        Assert.False((await controller.GetTimerStatusAsync()).Active);
    }

    [Fact]
    public async Task Discharge_below_the_reserve_is_refused_and_writes_nothing()
    {
        await using var rig = await AgateTestRig.StartAsync(o => o with { Site = o.Site with { InitialSocPercent = 15 } });
        var controller = await rig.ConnectAsync(c => c with { ReserveSocPercent = 20 });
        var error = await Assert.ThrowsAsync<AgateCommandRefusedException>(() => controller.DischargeAsync(1000));
        Assert.Contains("reserve", error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Simulator.WriteLog);
    }

    [Fact]
    public async Task A_silently_discarded_WSetPct_is_a_failure_and_control_is_handed_back()
    {
        await using var rig = await AgateTestRig.StartAsync(o => o with { DiscardWritesTo = ["704.WSetPct"] });
        var controller = await rig.ConnectAsync();
        var error = await Assert.ThrowsAsync<AgateWriteNotAppliedException>(() => controller.ChargeAsync(2000));
        Assert.Equal("704.WSetPct", error.Point);
        Assert.Contains("silently discarded", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Point("704.WSetEna"));
        Assert.Null(rig.Simulator.CommandWatts);
        Assert.False((await controller.GetTimerStatusAsync()).Active);
    }

    [Fact]
    public async Task An_existing_WSet_is_zeroed_while_control_is_off_so_the_mode_never_flickers()
    {
        await using var rig = await AgateTestRig.StartAsync();
        await rig.WriteRawAsync("704.WSet", 0, 1000);
        var controller = await rig.ConnectAsync();
        await controller.ChargeAsync(1000);
        Assert.Equal(0, rig.Point("704.WSet"));
        Assert.False(rig.Simulator.Flickering);
        var zeroing = rig.Simulator.WriteLog.Skip(1).Single(w => w.Points.Contains("704.WSet"));
        Assert.DoesNotContain("704.WSetPct", zeroing.Points);
    }

    [Fact]
    public async Task Soc_ramp_tapers_the_command_near_the_target()
    {
        await using var rig = await AgateTestRig.StartAsync(o => o with { Site = o.Site with { InitialSocPercent = 85 } });
        var controller = await rig.ConnectAsync(c => c with { SocRamp = new SocRamp(90, 10) });
        var result = await controller.ChargeAsync(4000);
        Assert.Equal(BatteryCommand.Charge(4000), result.Requested);
        Assert.InRange(result.Sent.Watts, 1900, 2100);
        Assert.Equal(-result.Sent.Watts, rig.Simulator.CommandWatts!.Value, 0);
    }

    [Fact]
    public async Task Settling_pauses_follow_the_controllers_clock()
    {
        await using var rig = await AgateTestRig.StartAsync();
        rig.Clock.AutoAdvance = true;
        var controller = await rig.ConnectAsync(c => c with { Settling = TimeSpan.FromMilliseconds(400) });
        var before = rig.Clock.GetUtcNow();
        await controller.ChargeAsync(1000);
        Assert.True(rig.Clock.GetUtcNow() - before >= TimeSpan.FromMilliseconds(1200));
        Assert.Equal(-1000, rig.Simulator.CommandWatts);
    }

    [Fact]
    public async Task Power_factor_correction_toggles_verified()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var controller = await rig.ConnectAsync();
        await controller.SetPowerFactorCorrectionAsync(false);
        Assert.Equal(0, rig.Point("704.PFWInjEna"));
        Assert.Contains((await controller.CheckHealthAsync(samples: 1)).Findings, f => f.Code == "pf-disabled");
        await controller.SetPowerFactorCorrectionAsync(true);
        Assert.Equal(1, rig.Point("704.PFWInjEna"));
    }
}
