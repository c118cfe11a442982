using EnergyTap.Manager.Forecasts;

namespace EnergyTap.Manager.Replay;

/// <summary>
/// PV and load forecasts for one replay's planner, per slot. Perfect: the trace itself. History: the manager's own
/// <see cref="HistoryForecast"/> (same time of day over recent days, today's measured/forecast ratio), fed only the
/// samples the trace had completed before the planning time, as a running site would have measured them.
/// </summary>
internal sealed class TraceForecast
{
    private readonly Trace trace;
    private readonly HistoryForecast? pv;
    private readonly HistoryForecast? load;
    private int fed;

    public TraceForecast(Trace trace, ReplayForecast kind)
    {
        this.trace = trace;
        if (kind == ReplayForecast.History)
        {
            pv = new HistoryForecast();
            load = new HistoryForecast(new HistoryForecastOptions { RecentFallback = TimeSpan.FromHours(1), ScaleByToday = false });
        }
    }

    /// <summary>The forecasts as seen at <paramref name="now"/> for <paramref name="count"/> slots from now; planning times must not go backwards.</summary>
    public (double[] Pv, double[] Load) At(DateTimeOffset now, TimeSpan slot, int count)
    {
        if (pv is null || load is null)
        {
            return Perfect(trace, now, slot, count);
        }

        for (; fed < trace.Samples.Count && trace.Samples[fed].Time + trace.Step <= now; fed++)
        {
            var sample = trace.Samples[fed];
            pv.Add(sample.Time, sample.PvWatts);
            load.Add(sample.Time, sample.LoadWatts);
        }

        return (pv.SlotMeans(now, now, slot, count), load.SlotMeans(now, now, slot, count));
    }

    public static (double[] Pv, double[] Load) Perfect(Trace trace, DateTimeOffset start, TimeSpan slot, int count)
    {
        var pv = new double[count];
        var load = new double[count];
        for (var k = 0; k < count; k++)
        {
            var mean = trace.Mean(start + k * slot, start + (k + 1) * slot) ?? (0, 0);
            (load[k], pv[k]) = mean;
        }

        return (pv, load);
    }
}
