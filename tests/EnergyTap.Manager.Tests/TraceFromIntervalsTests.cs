using EnergyTap.Manager.Forecasts;
using EnergyTap.Manager.Replay;

namespace EnergyTap.Manager.Tests;

public sealed class TraceFromIntervalsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static PowerInterval At(int second, int length, double watts) => new(T0.AddSeconds(second), T0.AddSeconds(second + length), watts);

    [Fact]
    public void Each_step_is_the_time_weighted_mean_and_a_short_hole_holds_the_last_value()
    {
        // Load: 5 s readings of 100 W then 300 W; nothing from 60 s to 120 s (held). PV: one 5-minute roll-up.
        PowerInterval[] load = [.. Enumerable.Range(0, 6).Select(i => At(i * 5, 5, 100)), .. Enumerable.Range(6, 6).Select(i => At(i * 5, 5, 300)),
            At(120, 60, 500)];
        PowerInterval[] pv = [At(0, 300, 1200)];

        var trace = TraceFromIntervals.Build(load, pv, T0, T0.AddSeconds(180), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(15));

        Assert.Equal(3, trace.Samples.Count);
        Assert.Equal(200, trace.Samples[0].LoadWatts, 6);
        Assert.Equal(200, trace.Samples[1].LoadWatts, 6);       // held through the hole
        Assert.Equal(500, trace.Samples[2].LoadWatts, 6);
        Assert.All(trace.Samples, s => Assert.Equal(1200, s.PvWatts, 6));
    }

    [Fact]
    public void A_hole_longer_than_allowed_is_refused_in_one_line()
    {
        PowerInterval[] load = [At(0, 60, 100), At(3600, 60, 100)];
        PowerInterval[] pv = [At(0, 3660, 0)];

        var error = Assert.Throws<ManagerInputException>(() =>
            TraceFromIntervals.Build(load, pv, T0, T0.AddSeconds(3660), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(15)));

        Assert.Contains("no home load power is recorded from 2026-06-01 00:01:00Z for more than 15 min", error.Message, StringComparison.Ordinal);
        Assert.Throws<ManagerInputException>(() => TraceFromIntervals.Build([], pv, T0, T0.AddSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(15)));
    }
}
