using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Loop;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;

namespace EnergyTap.Manager.Tests;

public sealed class BatteryLoopTests
{
    private static readonly BatterySpec Battery = new(13600, 5000, 5000);
    private static readonly Policy SelfConsumption = new(ManageMode.SelfConsumption);
    private readonly ManualTimeProvider clock = new();

    private BatteryLoop Loop(LoopOptions? options = null) => new(Battery, options, clock);

    private Measurement Measured(double grid, double battery, double? soc = 50) => new(clock.GetUtcNow(), grid, battery, soc);

    private static PlanSlot Slot(Intent intent, double watts = 0) =>
        new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, intent, 50, watts, "test");

    [Fact]
    public void Feed_forward_brings_the_grid_to_its_target_from_the_measured_battery_power()
    {
        var loop = Loop();
        // The home needs 1200 W + the 800 W the battery already gives = 2000 W.
        var decision = loop.Step(Measured(grid: 1200, battery: 800), SelfConsumption);
        Assert.Equal(2000, decision.BatteryWatts);
        Assert.Contains("self-consumption", decision.Reason, StringComparison.Ordinal);

        var withTarget = Loop().Step(Measured(grid: 1200, battery: 800), SelfConsumption with { GridTargetWatts = 200 });
        Assert.Equal(1800, withTarget.BatteryWatts);
    }

    [Fact]
    public void A_small_change_inside_the_deadband_keeps_the_last_command()
    {
        var loop = Loop();
        loop.Step(Measured(1000, 0), SelfConsumption);
        var decision = loop.Step(Measured(30, 1000), SelfConsumption);
        Assert.Equal(1000, decision.BatteryWatts);
        Assert.Contains("deadband", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ramp_limit_bounds_each_cycle()
    {
        var loop = Loop(new LoopOptions { RampWattsPerCycle = 1000 });
        Assert.Equal(1000, loop.Step(Measured(4000, 0), SelfConsumption).BatteryWatts);
        var second = loop.Step(Measured(3000, 1000), SelfConsumption);
        Assert.Equal(2000, second.BatteryWatts);
        Assert.Contains("ramp", second.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrections_that_keep_changing_sign_are_damped_and_steady_ones_are_not()
    {
        var loop = Loop();
        loop.Step(Measured(1000, 0), SelfConsumption);              // +1000
        loop.Step(Measured(-600, 1000), SelfConsumption);           // → 400 (−600, one sign change)
        var third = loop.Step(Measured(600, 400), SelfConsumption); // wants +600: second sign change → damped to +300
        Assert.Equal(700, third.BatteryWatts);
        Assert.Contains("damped", third.Reason, StringComparison.Ordinal);

        var steady = Loop();
        steady.Step(Measured(1000, 0), SelfConsumption);
        var next = steady.Step(Measured(500, 1000), SelfConsumption);
        Assert.Equal(1500, next.BatteryWatts);
        Assert.DoesNotContain("damped", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_or_quick_reversals_idle_instead()
    {
        var loop = Loop();
        Assert.Equal(400, loop.Step(Measured(400, 0), SelfConsumption).BatteryWatts);
        var small = loop.Step(Measured(-480, 400), SelfConsumption); // wants −80 W: too little to reverse for
        Assert.Equal(0, small.BatteryWatts);
        Assert.Contains("too little to reverse", small.Reason, StringComparison.Ordinal);
        Assert.Equal(-1000, loop.Step(Measured(-1000, 0), SelfConsumption).BatteryWatts); // a real reversal
        clock.Advance(TimeSpan.FromSeconds(10));
        var quick = loop.Step(Measured(2000, -1000), SelfConsumption);
        Assert.Equal(0, quick.BatteryWatts);
        Assert.Contains("since the last reversal", quick.Reason, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(0, loop.Step(Measured(0, 0), SelfConsumption).BatteryWatts);
        Assert.Equal(1000, loop.Step(Measured(1000, 0), SelfConsumption).BatteryWatts);
    }

    [Fact]
    public void Rated_powers_bound_the_command_and_say_so()
    {
        var decision = Loop(new LoopOptions { RampWattsPerCycle = 10000 }).Step(Measured(9000, 0), SelfConsumption);
        Assert.Equal(5000, decision.BatteryWatts);
        Assert.Contains("rated discharge", decision.Reason, StringComparison.Ordinal);
        var charge = Loop(new LoopOptions { RampWattsPerCycle = 10000 }).Step(Measured(-9000, 0), SelfConsumption);
        Assert.Equal(-5000, charge.BatteryWatts);
    }

    [Theory]
    [InlineData(20.1, null, "reserve 20 %")]
    [InlineData(59, 60.0, "backup hold 60 %")]
    public void The_reserve_and_the_backup_hold_stop_discharge(double soc, double? hold, string reason)
    {
        var loop = Loop();
        var decision = loop.Step(Measured(2000, 0, soc), SelfConsumption with { BackupHoldPercent = hold });
        Assert.Equal(0, decision.BatteryWatts);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
        Assert.Equal(0, loop.Limits!.MaxWatts);
        // Charging from surplus PV is still allowed at the floor.
        Assert.Equal(-1500, Loop().Step(Measured(-1500, 0, soc), SelfConsumption with { BackupHoldPercent = hold }).BatteryWatts);
    }

    [Fact]
    public void A_full_battery_is_not_charged_and_an_unknown_soc_gets_no_command()
    {
        Assert.Equal(0, Loop().Step(Measured(-2000, 0, 100), SelfConsumption).BatteryWatts);
        var unknown = Loop().Step(Measured(2000, 0, null), SelfConsumption);
        Assert.Equal(0, unknown.BatteryWatts);
        Assert.Contains("unknown", unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Solar_only_charging_never_charges_more_than_the_pv_surplus()
    {
        var policy = new Policy(ManageMode.Tou) { SolarOnlyCharging = true };
        // Exporting 700 W while charging 300 W: the surplus is 1000 W, whatever the plan asks.
        var loop = Loop();
        var decision = loop.Step(Measured(-700, -300), policy, Slot(Intent.ChargeFromGrid));
        Assert.Equal(-1000, decision.BatteryWatts);
        Assert.Contains("solar-only", decision.Reason, StringComparison.Ordinal);
        // No surplus, no charge.
        Assert.Equal(0, Loop().Step(Measured(400, 0), policy, Slot(Intent.ChargeFromGrid)).BatteryWatts);
    }

    [Fact]
    public void The_export_limit_makes_the_battery_absorb_surplus_and_caps_export_intents()
    {
        var limited = new Policy(ManageMode.Tou) { ExportLimitWatts = 1000 };
        // Net demand −3000 W (PV surplus): hold would export 3000 W, so the battery must charge at least 2000 W.
        var hold = Loop().Step(Measured(-3000, 0), limited, Slot(Intent.Hold));
        Assert.Equal(-2000, hold.BatteryWatts);
        Assert.Contains("export limit 1000 W", hold.Reason, StringComparison.Ordinal);
        // Export intent at 4000 W with a 500 W load: at most 1500 W out of the battery.
        var export = Loop().Step(Measured(500, 0), limited, Slot(Intent.Export, 4000));
        Assert.Equal(1500, export.BatteryWatts);
    }

    [Fact]
    public void Peak_shave_forces_discharge_even_when_the_plan_holds()
    {
        var policy = new Policy(ManageMode.Tou) { PeakShaveWatts = 3000 };
        var decision = Loop().Step(Measured(4500, 0), policy, Slot(Intent.Hold));
        Assert.Equal(1500, decision.BatteryWatts);
        Assert.Contains("peak shave 3000 W", decision.Reason, StringComparison.Ordinal);
        // Charging from the grid stops where it would cross the cap.
        Assert.Equal(-1000, Loop().Step(Measured(2000, 0), policy, Slot(Intent.ChargeFromGrid)).BatteryWatts);
    }

    [Fact]
    public void Intents_map_to_powers()
    {
        var tou = new Policy(ManageMode.Tou);
        var wide = new LoopOptions { RampWattsPerCycle = 10000 };
        Assert.Equal(-5000, Loop(wide).Step(Measured(300, 0), tou, Slot(Intent.ChargeFromGrid)).BatteryWatts);
        Assert.Equal(-2500, Loop(wide).Step(Measured(300, 0), tou, Slot(Intent.ChargeFromGrid, -2500)).BatteryWatts);
        Assert.Equal(0, Loop(wide).Step(Measured(300, 0), tou, Slot(Intent.Hold)).BatteryWatts);
        Assert.Equal(300, Loop(wide).Step(Measured(300, 0), tou, Slot(Intent.SelfConsume)).BatteryWatts);
        Assert.Equal(4000, Loop(wide).Step(Measured(300, 0), tou, Slot(Intent.Export, 4000)).BatteryWatts);
        // Discharge to load covers the load but never exports; surplus PV still charges.
        Assert.Equal(300, Loop(wide).Step(Measured(300, 0), tou with { GridTargetWatts = -500 }, Slot(Intent.DischargeToLoad)).BatteryWatts);
        Assert.Equal(-800, Loop(wide).Step(Measured(-800, 0), tou, Slot(Intent.DischargeToLoad)).BatteryWatts);
        // No slot: self-consume.
        Assert.Contains("no plan slot", Loop(wide).Step(Measured(300, 0), tou).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_mode_sends_no_command()
    {
        var loop = Loop();
        loop.Step(Measured(1000, 0), SelfConsumption);
        var decision = loop.Step(Measured(1000, 0), new Policy(ManageMode.Native));
        Assert.True(decision.HandsOff);
        Assert.Null(loop.CommandWatts);
        Assert.Null(loop.Limits);
    }

    [Fact]
    public void A_command_not_followed_for_three_cycles_raises_the_alarm_and_backs_off()
    {
        var loop = Loop(new LoopOptions { BackOffCycles = 2 });
        var raised = new List<string>();
        loop.FollowAlarmRaised += (_, reason) => raised.Add(reason);

        Assert.Equal(2000, loop.Step(Measured(2000, 0), SelfConsumption).BatteryWatts);
        // The battery stays at 0 W: the grid still shows the whole demand.
        loop.Step(Measured(2000, 0), SelfConsumption);
        loop.Step(Measured(2000, 0), SelfConsumption);
        Assert.Null(loop.FollowAlarm);
        Assert.Empty(raised);
        var third = loop.Step(Measured(2000, 0), SelfConsumption);

        Assert.Equal(0, third.BatteryWatts);
        Assert.Contains("backing off", third.Reason, StringComparison.Ordinal);
        var alarm = Assert.Single(raised);
        Assert.Contains("did not follow", alarm, StringComparison.Ordinal);
        Assert.Equal(alarm, loop.FollowAlarm);

        Assert.Equal(0, loop.Step(Measured(2000, 0), SelfConsumption).BatteryWatts);
        // Back-off over; the battery follows again and the alarm clears.
        Assert.Equal(2000, loop.Step(Measured(2000, 0), SelfConsumption).BatteryWatts);
        loop.Step(Measured(0, 2000), SelfConsumption);
        Assert.Null(loop.FollowAlarm);
    }

    [Fact]
    public void A_battery_that_follows_late_within_a_few_cycles_raises_no_alarm()
    {
        var loop = Loop(new LoopOptions { Period = TimeSpan.FromSeconds(2) });
        loop.Step(Measured(2000, 0), SelfConsumption);
        loop.Step(Measured(2000, 0), SelfConsumption); // not yet
        loop.Step(Measured(0, 2000), SelfConsumption); // there
        loop.Step(Measured(0, 2000), SelfConsumption);
        Assert.Null(loop.FollowAlarm);
    }

    [Fact]
    public void The_effective_limits_are_shown_with_their_reasons()
    {
        var loop = Loop();
        loop.Step(Measured(-3000, 0, 21), new Policy(ManageMode.SelfConsumption) { ExportLimitWatts = 0, BackupHoldPercent = 30 });
        Assert.Equal("-5000 W (rated charge power) to -3000 W (export limit 0 W)", loop.Limits!.ToString());
    }

    [Fact]
    public void Impossible_options_are_refused_in_plain_words()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatteryLoop(Battery, new LoopOptions { Period = TimeSpan.FromSeconds(1) }));
        Assert.StartsWith("the loop period must be at least 2 s", ex.Message, StringComparison.Ordinal);
    }
}
