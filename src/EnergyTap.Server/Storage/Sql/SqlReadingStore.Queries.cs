using System.Data;
using System.Data.Common;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Storage.Sql;

public abstract partial class SqlReadingStore
{
    public Task<IReadOnlyList<HistoryRow>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var resolution = query.EffectiveResolution;
        var raw = resolution == HistoryResolution.Raw;
        var (table, time, values) = raw
            ? ("readings", "time", "value, quality")
            : (RollupTable.For(resolution).Name, "bucket", "avg, min, max, count, last");
        return ReadAllAsync(
            command =>
            {
                var where = And(FilterClause(query.Filter, command), $"{time} >= @from", $"{time} < @to");
                AddTimeParameter(command, "@from", query.From);
                AddTimeParameter(command, "@to", query.To);
                command.AddParameter("@limit", DbType.Int32, query.Limit);
                return $"SELECT site, device, quantity, unit, {time}, {values} FROM {table} {where} " +
                       $"ORDER BY {time}, site, device, quantity LIMIT @limit";
            },
            reader => raw ? RawRow(reader) : RollupRow(reader, resolution),
            cancellationToken);
    }

    public Task<IReadOnlyList<Reading>> LatestAsync(SeriesFilter? filter = null, CancellationToken cancellationToken = default) =>
        ReadAllAsync(
            command =>
            {
                var where = And(FilterClause(filter ?? SeriesFilter.All, command));
                return "SELECT r.site, r.device, r.quantity, r.unit, r.time, r.value, r.quality FROM readings r JOIN " +
                    $"(SELECT site, device, quantity, MAX(time) AS time FROM readings {where} GROUP BY site, device, quantity) m " +
                    "ON r.site = m.site AND r.device = m.device AND r.quantity = m.quantity AND r.time = m.time " +
                    "ORDER BY r.site, r.device, r.quantity";
            },
            reader => new Reading(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetNullableDouble(5),
                reader.GetString(3), ReadTime(reader, 4), QualityNames.FromDb(reader.GetString(6))),
            cancellationToken);

    public async Task<IReadOnlyList<SeriesSummary>> ListSeriesAsync(CancellationToken cancellationToken = default)
    {
        // One summary per table; merged below so a series whose raw readings expired still shows its whole span.
        var sources = new[] { ("readings", "time", "COUNT(*)"), (RollupTable.FiveMinutes.Name, "bucket", "0"), (RollupTable.Hourly.Name, "bucket", "0") };
        var sql = string.Join(" UNION ALL ", sources.Select((t, i) =>
            $"SELECT {i} AS source, site, device, quantity, MAX(unit), MIN({t.Item2}), MAX({t.Item2}), {t.Item3} FROM {t.Item1} GROUP BY site, device, quantity"));
        var parts = await ReadAllAsync(
            _ => sql,
            reader => (Source: reader.GetInt32(0), Summary: new SeriesSummary(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), ReadTime(reader, 5), ReadTime(reader, 6), reader.GetInt64(7))),
            cancellationToken);
        return parts
            .GroupBy(p => (p.Summary.Site, p.Summary.Device, p.Summary.Quantity))
            .OrderBy(g => g.Key.Site, StringComparer.Ordinal).ThenBy(g => g.Key.Device, StringComparer.Ordinal).ThenBy(g => g.Key.Quantity, StringComparer.Ordinal)
            .Select(g => Merge(g.ToDictionary(p => p.Source, p => p.Summary)))
            .ToList();
    }

    /// <summary>
    /// Raw times are exact; a roll-up only adds to the span where it reaches before the bucket holding the first raw
    /// reading (its bucket start would otherwise make the series look older than it is).
    /// </summary>
    private static SeriesSummary Merge(Dictionary<int, SeriesSummary> bySource)
    {
        if (!bySource.TryGetValue(0, out var raw))
        {
            var rollups = bySource.Values.ToList();
            return rollups[0] with { First = rollups.Min(r => r.First), Last = rollups.Max(r => r.Last), RawCount = 0 };
        }

        var first = raw.First;
        foreach (var (source, table) in new[] { (1, RollupTable.FiveMinutes), (2, RollupTable.Hourly) })
        {
            if (bySource.TryGetValue(source, out var rollup) && rollup.First < table.BucketStart(raw.First) && rollup.First < first)
            {
                first = rollup.First;
            }
        }

        return raw with { First = first };
    }

    private HistoryRow RawRow(DbDataReader reader)
    {
        var value = reader.GetNullableDouble(5);
        return new HistoryRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadTime(reader, 4),
            HistoryResolution.Raw, value, value, value, value is null ? 0 : 1, value, QualityNames.FromDb(reader.GetString(6)));
    }

    private HistoryRow RollupRow(DbDataReader reader, HistoryResolution resolution) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadTime(reader, 4), resolution,
            reader.GetNullableDouble(5), reader.GetNullableDouble(6), reader.GetNullableDouble(7), reader.GetInt64(8),
            reader.GetNullableDouble(9), null);
}
