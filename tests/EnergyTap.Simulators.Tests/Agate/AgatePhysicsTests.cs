using EnergyTap.Simulators.Agate;
using EnergyTap.Simulators.Agate.Physics;

namespace EnergyTap.Simulators.Tests.Agate;

public class AgatePhysicsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Midnight = new(2026, 6, 21, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Solar_follows_the_day_and_is_zero_at_night()
    {
        var clock = new SimulationClock(Midnight);
        var physics = new AgatePhysics(new AgatePhysicsOptions(), clock);
        Assert.Equal(0, physics.Now().SolarWatts);

        clock.Advance(TimeSpan.FromHours(12));
        var noon = physics.Now();
        Assert.InRange(noon.SolarWatts, 0.6 * 7_000, 7_000);
        Assert.True(noon.HomeLoadWatts > 450);
    }

    [Fact]
    public void Charge_command_is_held_within_the_rating_and_soc_rises()
    {
        var clock = new SimulationClock(Noon);
        var physics = new AgatePhysics(new AgatePhysicsOptions { InitialSocPercent = 50 }, clock);
        physics.SetCommand(-9_000);

        clock.Advance(TimeSpan.FromMinutes(30));
        var flow = physics.Now();

        Assert.Equal(-5_000, flow.BatteryWatts, 1);
        // 2.5 kWh into 13.6 kWh = +18.4 %.
        Assert.Equal(50 + 2_500 / 13_600.0 * 100, flow.SocPercent, 1);
        Assert.Equal(flow.HomeLoadWatts - flow.SolarWatts - flow.BatteryWatts, flow.GridWatts, 6);
    }

    [Fact]
    public void Discharge_stops_at_empty_and_charge_stops_at_full()
    {
        var clock = new SimulationClock(Noon);
        var physics = new AgatePhysics(new AgatePhysicsOptions { InitialSocPercent = 5 }, clock);
        physics.SetCommand(5_000);
        clock.Advance(TimeSpan.FromHours(1));
        var empty = physics.Now();
        Assert.Equal(0, empty.SocPercent);
        Assert.Equal(0, empty.BatteryWatts);

        physics.SetCommand(-5_000);
        clock.Advance(TimeSpan.FromHours(4));
        var full = physics.Now();
        Assert.Equal(100, full.SocPercent);
        Assert.Equal(0, full.BatteryWatts);
    }

    [Fact]
    public void Native_mode_keeps_the_reserve()
    {
        var clock = new SimulationClock(Midnight);
        var physics = new AgatePhysics(new AgatePhysicsOptions { InitialSocPercent = 21, ReserveSocPercent = 20 }, clock);
        clock.Advance(TimeSpan.FromHours(3));
        var flow = physics.Now();
        Assert.InRange(flow.SocPercent, 19.9, 20.1);
        Assert.Equal(0, flow.BatteryWatts);
        Assert.Equal(flow.HomeLoadWatts, flow.GridWatts, 6);
    }

    [Fact]
    public void Power_is_shared_between_batteries_and_the_rating_scales_with_them()
    {
        var clock = new SimulationClock(Noon);
        var physics = new AgatePhysics(new AgatePhysicsOptions { Batteries = 3 }, clock);
        physics.SetCommand(12_000);
        clock.Advance(TimeSpan.FromSeconds(10));
        var flow = physics.Now();
        Assert.Equal(12_000, flow.BatteryWatts, 1);
        Assert.All(flow.Batteries, b => Assert.Equal(4_000, b.Watts, 1));
        Assert.Equal(3, flow.Batteries.Count);
    }

    [Fact]
    public void Same_seed_and_clock_give_the_same_readings_whatever_the_polling()
    {
        var a = new SimulationClock(Noon);
        var b = new SimulationClock(Noon);
        var options = new AgatePhysicsOptions { Seed = 42 };
        var first = new AgatePhysics(options, a);
        var second = new AgatePhysics(options, b);
        for (var i = 0; i < 60; i++)
        {
            a.Advance(TimeSpan.FromSeconds(1));
            first.Now();
        }

        b.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(first.Now().HomeLoadWatts, second.Now().HomeLoadWatts);
        Assert.Equal(first.Now().SocPercent, second.Now().SocPercent, 6);

        var other = new AgatePhysics(options with { Seed = 43 }, new SimulationClock(Noon + TimeSpan.FromSeconds(60)));
        Assert.NotEqual(first.Now().HomeLoadWatts, other.Now().HomeLoadWatts);
    }
}
