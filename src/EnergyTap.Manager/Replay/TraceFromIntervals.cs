using EnergyTap.Manager.Forecasts;

namespace EnergyTap.Manager.Replay;

/// <summary>
/// Builds a fixed-step trace from recorded power intervals (a site's stored history): each step is the
/// time-weighted mean of what overlaps it. A step nothing covers holds the previous value, for at most
/// <paramref name="maxGap"/>; a longer hole is refused, because a replay over invented data proves nothing.
/// </summary>
public static class TraceFromIntervals
{
    public static Trace Build(IReadOnlyList<PowerInterval> load, IReadOnlyList<PowerInterval> pv, DateTimeOffset from, DateTimeOffset to,
        TimeSpan step, TimeSpan maxGap)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(pv);
        if (to <= from || step <= TimeSpan.Zero)
        {
            throw new ManagerInputException("the replay range is empty");
        }

        var loadSteps = Resample(load, from, to, step, maxGap, "home load");
        var pvSteps = Resample(pv, from, to, step, maxGap, "solar");
        var samples = new TraceSample[loadSteps.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = new TraceSample(from + step * i, loadSteps[i], pvSteps[i]);
        }

        return new Trace(samples, step);
    }

    private static double[] Resample(IReadOnlyList<PowerInterval> intervals, DateTimeOffset from, DateTimeOffset to, TimeSpan step, TimeSpan maxGap, string what)
    {
        var sorted = intervals.Where(i => i.End > from && i.Start < to && double.IsFinite(i.Watts)).OrderBy(i => i.Start).ToArray();
        if (sorted.Length == 0)
        {
            throw new ManagerInputException($"no {what} power is recorded from {from:u} to {to:u}");
        }

        var count = (int)Math.Ceiling((to - from) / step);
        var values = new double[count];
        var next = 0;
        double? held = null;
        DateTimeOffset? lastCovered = null;
        for (var s = 0; s < count; s++)
        {
            var begin = from + step * s;
            var end = begin + step;
            while (next < sorted.Length && sorted[next].End <= begin)
            {
                next++;
            }

            double energy = 0, seconds = 0;
            for (var i = next; i < sorted.Length && sorted[i].Start < end; i++)
            {
                var overlap = (Min(sorted[i].End, end) - Max(sorted[i].Start, begin)).TotalSeconds;
                if (overlap > 0)
                {
                    energy += sorted[i].Watts * overlap;
                    seconds += overlap;
                }
            }

            if (seconds > 0)
            {
                values[s] = energy / seconds;
                held = values[s];
                lastCovered = end;
                continue;
            }

            var since = lastCovered ?? from;
            if (held is null || end - since > maxGap)
            {
                throw new ManagerInputException($"no {what} power is recorded from {since:u} for more than {maxGap.TotalMinutes:0} min; pick days without the gap");
            }

            values[s] = held.Value;
        }

        return values;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
