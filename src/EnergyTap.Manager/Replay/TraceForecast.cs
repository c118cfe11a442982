namespace EnergyTap.Manager.Replay;

/// <summary>PV and load forecasts for replay's planner, per slot: the trace itself, or only its past.</summary>
internal static class TraceForecast
{
    private const int HistoryDays = 7;

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

    /// <summary>
    /// The mean of the same slot on up to 7 earlier days, using only what the trace showed before <paramref name="now"/>.
    /// With no earlier day yet: the load of the last hour, and no PV (nothing says there will be any).
    /// </summary>
    public static (double[] Pv, double[] Load) History(Trace trace, DateTimeOffset now, DateTimeOffset start, TimeSpan slot, int count)
    {
        var pv = new double[count];
        var load = new double[count];
        var recent = trace.Mean(now - TimeSpan.FromHours(1), now) ?? (trace.Samples[0].LoadWatts, 0);
        for (var k = 0; k < count; k++)
        {
            double loadSum = 0, pvSum = 0;
            var days = 0;
            for (var d = 1; d <= HistoryDays; d++)
            {
                var from = start + k * slot - TimeSpan.FromDays(d);
                var to = from + slot;
                if (to > now)
                {
                    to = now;
                }

                if (trace.Mean(from, to) is { } seen && from >= trace.Start)
                {
                    loadSum += seen.LoadWatts;
                    pvSum += seen.PvWatts;
                    days++;
                }
            }

            (load[k], pv[k]) = days > 0 ? (loadSum / days, pvSum / days) : (recent.LoadWatts, 0);
        }

        return (pv, load);
    }
}
