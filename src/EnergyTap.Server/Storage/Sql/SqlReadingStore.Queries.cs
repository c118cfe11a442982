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

    public Task<IReadOnlyList<SeriesSummary>> ListSeriesAsync(CancellationToken cancellationToken = default)
    {
        const string PerTable = "SELECT site, device, quantity, MAX(unit) AS unit, MIN({0}) AS first_time, MAX({0}) AS last_time, {1} AS n FROM {2} GROUP BY site, device, quantity";
        var parts = new[]
        {
            string.Format(System.Globalization.CultureInfo.InvariantCulture, PerTable, "time", "COUNT(*)", "readings"),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, PerTable, "bucket", "0", RollupTable.FiveMinutes.Name),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, PerTable, "bucket", "0", RollupTable.Hourly.Name),
        };
        var sql = "SELECT site, device, quantity, MAX(unit), MIN(first_time), MAX(last_time), CAST(SUM(n) AS BIGINT) FROM (" +
                  string.Join(" UNION ALL ", parts) + ") s GROUP BY site, device, quantity ORDER BY site, device, quantity";
        return ReadAllAsync(
            _ => sql,
            reader => new SeriesSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                ReadTime(reader, 4), ReadTime(reader, 5), reader.GetInt64(6)),
            cancellationToken);
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
