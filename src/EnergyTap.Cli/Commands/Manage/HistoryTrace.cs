using EnergyTap.Manager.Forecasts;
using EnergyTap.Manager.Replay;
using EnergyTap.Server.Storage;

namespace EnergyTap.Cli.Commands.Manage;

/// <summary>A site's stored days as a replay trace: its home load and solar power, from raw readings where kept, else 5-minute roll-ups.</summary>
internal static class HistoryTrace
{
    private const string Load = "home_load_power";
    private const string Solar = "solar_power";
    private static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(15);

    /// <summary>The <paramref name="days"/> whole UTC days before today.</summary>
    public static async Task<Trace> LoadAsync(IReadingStore store, string site, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var from = to.AddDays(-days);
        var (load, loadStep) = await IntervalsAsync(store, site, Load, from, to, cancellationToken);
        var (pv, pvStep) = await IntervalsAsync(store, site, Solar, from, to, cancellationToken);
        var step = loadStep > pvStep ? loadStep : pvStep;
        return TraceFromIntervals.Build(load, pv, from, to, step, MaxGap);
    }

    private static async Task<(IReadOnlyList<PowerInterval> Intervals, TimeSpan Step)> IntervalsAsync(
        IReadingStore store, string site, string quantity, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        foreach (var (resolution, step) in new[] { (HistoryResolution.Raw, TimeSpan.FromSeconds(10)), (HistoryResolution.FiveMinutes, TimeSpan.FromSeconds(60)) })
        {
            var rows = await store.QueryAsync(new HistoryQuery(from, to)
            {
                Filter = new SeriesFilter(site, Quantity: quantity),
                Resolution = resolution,
                Limit = int.MaxValue,
            }, cancellationToken);
            // Several devices may report the quantity (a PVS meter and the aGate): the one that reported most speaks for the site.
            var device = rows.Where(r => r.Value is not null).GroupBy(r => r.Device).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (device is not null)
            {
                return (Intervals([.. device.OrderBy(r => r.Time)], resolution), step);
            }
        }

        throw new Manager.ManagerInputException($"site {site} has no {quantity} stored from {from:u} to {to:u}");
    }

    /// <summary>A raw reading holds until the next one (at most a minute); a roll-up covers its 5-minute bucket.</summary>
    private static List<PowerInterval> Intervals(IReadOnlyList<HistoryRow> rows, HistoryResolution resolution)
    {
        var intervals = new List<PowerInterval>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var start = rows[i].Time;
            var end = resolution == HistoryResolution.FiveMinutes ? start.AddMinutes(5)
                : i + 1 < rows.Count && rows[i + 1].Time - start < TimeSpan.FromMinutes(1) ? rows[i + 1].Time : start.AddMinutes(1);
            if (rows[i].Value is { } watts && end > start)
            {
                intervals.Add(new PowerInterval(start, end, watts));
            }
        }

        return intervals;
    }
}
