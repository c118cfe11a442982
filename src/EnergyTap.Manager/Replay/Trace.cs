namespace EnergyTap.Manager.Replay;

/// <summary>One recorded sample: the mean home load and PV power over [Time, Time + step), W.</summary>
public readonly record struct TraceSample(DateTimeOffset Time, double LoadWatts, double PvWatts);

/// <summary>A recorded household trace at a fixed step, the input of a replay.</summary>
public sealed class Trace
{
    public Trace(IReadOnlyList<TraceSample> samples, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("a trace needs at least one sample", nameof(samples));
        }

        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentException("a trace's step must be more than 0", nameof(step));
        }

        Samples = samples;
        Step = step;
    }

    public IReadOnlyList<TraceSample> Samples { get; }

    public TimeSpan Step { get; }

    public DateTimeOffset Start => Samples[0].Time;

    /// <summary>The end of the last sample's interval.</summary>
    public DateTimeOffset End => Samples[^1].Time + Step;

    public TimeSpan Duration => End - Start;

    /// <summary>The sample whose interval holds <paramref name="time"/> (the first or last one outside the trace).</summary>
    public TraceSample At(DateTimeOffset time) =>
        Samples[(int)Math.Clamp((time - Start).Ticks / Step.Ticks, 0, Samples.Count - 1)];

    /// <summary>The mean load and PV over [from, to), clipped to the trace; null when the interval lies outside it.</summary>
    public (double LoadWatts, double PvWatts)? Mean(DateTimeOffset from, DateTimeOffset to)
    {
        if (from < Start)
        {
            from = Start;
        }

        if (to > End)
        {
            to = End;
        }

        if (to <= from)
        {
            return null;
        }

        double load = 0, pv = 0, seconds = 0;
        var first = (int)((from - Start).Ticks / Step.Ticks);
        for (var i = first; i < Samples.Count && Samples[i].Time < to; i++)
        {
            var begin = Samples[i].Time < from ? from : Samples[i].Time;
            var end = Samples[i].Time + Step > to ? to : Samples[i].Time + Step;
            var weight = (end - begin).TotalSeconds;
            load += Samples[i].LoadWatts * weight;
            pv += Samples[i].PvWatts * weight;
            seconds += weight;
        }

        return (load / seconds, pv / seconds);
    }
}
