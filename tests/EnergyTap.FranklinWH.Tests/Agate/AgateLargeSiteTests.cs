using EnergyTap.Simulators.Agate.Physics;

namespace EnergyTap.FranklinWH.Tests.Agate;

/// <summary>
/// A site above 32.767 kW: the simulated aGate stores 701 W and 714 DCW as int16 and lets them wrap, as the
/// hardware does; the controller must undo the wrap and say that it did.
/// </summary>
public class AgateLargeSiteTests
{
    private static Task<AgateTestRig> LargeSiteAsync() =>
        AgateTestRig.StartAsync(o => o with { Site = AgatePhysicsOptions.LargeSite, Batteries = AgatePhysicsOptions.LargeSite.Batteries });

    [Fact]
    public async Task A_battery_charging_above_32_kW_is_unwrapped_from_its_aPowers()
    {
        // Noon: a 60 kW array over a 20 kW home charges the eight aPowers with about 35 kW.
        await using var rig = await LargeSiteAsync();
        var flow = rig.Simulator.Flow;
        Assert.True(flow.BatteryWatts < -32_767, $"the scenario needs a battery above 32.767 kW, got {flow.BatteryWatts}");
        var register = rig.Point("714.DCW")!.Value;
        Assert.Equal(flow.BatteryWatts + 65_536, register, 0);

        var status = await (await rig.ConnectAsync()).ReadStatusAsync();

        Assert.Equal(flow.BatteryWatts, status.Battery.DcWatts!.Value, 0);
        Assert.True(status.Battery.PowerCorrected);
        Assert.Equal(Simulators.Agate.Physics.AgatePhysicsOptions.LargeSite.Batteries, status.Battery.Ports.Count);
        Assert.Equal(FranklinWH.Agate.Reading.BatteryState.Charging, status.Battery.State);
        Assert.Equal(flow.GridWatts, status.Grid.ImportWatts!.Value, 0);
        Assert.False(status.Grid.PowerCorrected);
    }

    [Fact]
    public async Task Grid_and_battery_both_above_32_kW_are_unwrapped_from_the_balance()
    {
        await using var rig = await LargeSiteAsync();
        rig.Clock.Advance(TimeSpan.FromHours(12)); // midnight: no sun, a 20 kW home
        var owner = await rig.ConnectAsync();
        await owner.ChargeAsync(40_000);
        rig.Clock.Advance(TimeSpan.FromSeconds(10));

        var flow = rig.Simulator.Flow;
        Assert.True(flow.GridWatts > 32_767, $"the scenario needs an import above 32.767 kW, got {flow.GridWatts}");
        // SunSpec 701 W is positive when injecting; the import wrapped round to a positive (export) number.
        Assert.Equal(-flow.GridWatts + 65_536, rig.Point("701.W")!.Value, 0);

        var status = await owner.ReadStatusAsync();

        Assert.Equal(flow.GridWatts, status.Grid.ImportWatts!.Value, 0);
        Assert.True(status.Grid.PowerCorrected);
        Assert.Equal(-40_000, status.Battery.DcWatts!.Value, 0);
        Assert.True(status.Battery.PowerCorrected);
        Assert.Equal(Math.Round(-40_000 / status.Battery.DcVolts!.Value, 2), status.Battery.DcAmps);
    }

    [Fact]
    public async Task An_ordinary_site_is_never_corrected()
    {
        await using var rig = await AgateTestRig.StartAsync(o => o with { Batteries = 2 });
        var controller = await rig.ConnectAsync();
        await controller.DischargeAsync(8_000);
        for (var i = 0; i < 5; i++)
        {
            rig.Clock.Advance(TimeSpan.FromMinutes(7));
            var status = await controller.ReadStatusAsync();
            Assert.False(status.Grid.PowerCorrected);
            Assert.False(status.Battery.PowerCorrected);
            Assert.Equal(rig.Simulator.Flow.GridWatts, status.Grid.ImportWatts!.Value, 0);
        }
    }

    [Fact]
    public async Task Grid_state_comes_from_701_St()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var controller = await rig.ConnectAsync();
        Assert.True((await controller.ReadStatusAsync()).Grid.Connected);

        rig.Simulator.GridConnected = false;
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        var outage = await controller.ReadStatusAsync();
        Assert.False(outage.Grid.Connected);
        Assert.Equal(0, outage.Grid.ImportWatts);
    }
}
