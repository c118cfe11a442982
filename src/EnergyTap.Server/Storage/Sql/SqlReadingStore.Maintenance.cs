using System.Data;
using System.Data.Common;
using EnergyTap.Server.Storage.Maintenance;

namespace EnergyTap.Server.Storage.Sql;

public abstract partial class SqlReadingStore
{
    /// <summary>Roll-ups are computed at most one day per transaction, so a long backlog never holds one huge lock.</summary>
    private static readonly TimeSpan RollupChunk = TimeSpan.FromDays(1);

    public async Task<MaintenanceReport> RunMaintenanceAsync(CancellationToken cancellationToken = default)
    {
        var now = Options.Time.GetUtcNow();
        var fiveMinutes = await RollUpAsync(RollupTable.FiveMinutes, now, cancellationToken);
        var hourly = await RollUpAsync(RollupTable.Hourly, now, cancellationToken);

        // Raw rows are deleted only once both roll-ups have covered them, so a maintenance run that crashed
        // between rolling up and deleting (or never ran for a week) loses nothing.
        var rawCutoff = now - Options.Retention.Raw;
        foreach (var table in RollupTable.All)
        {
            if (await ReadProgressAsync(table, cancellationToken) is { } doneUntil && doneUntil < rawCutoff)
            {
                rawCutoff = doneUntil;
            }
        }

        var rawDeleted = await DeleteOlderThanAsync("readings", "time", rawCutoff, cancellationToken);
        var fiveMinutesDeleted = await DeleteOlderThanAsync(RollupTable.FiveMinutes.Name, "bucket", now - Options.Retention.FiveMinutes, cancellationToken);
        var hourlyDeleted = await DeleteOlderThanAsync(RollupTable.Hourly.Name, "bucket", now - Options.Retention.Hourly, cancellationToken);
        return new MaintenanceReport(fiveMinutes, hourly, rawDeleted, fiveMinutesDeleted, hourlyDeleted);
    }

    /// <summary>
    /// Rolls up every bucket that ended at least <see cref="ReadingStoreOptions.RollupDelay"/> ago and is not yet done.
    /// Each chunk writes its buckets (upserts) and advances rollup_progress in the same transaction: a crash leaves
    /// either both or neither, and re-running recomputes the same values instead of adding to them.
    /// </summary>
    private async Task<int> RollUpAsync(RollupTable table, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var end = table.BucketStart(now - Options.RollupDelay);
        var start = await ReadProgressAsync(table, cancellationToken);
        if (start is null)
        {
            var earliest = await EarliestRawTimeAsync(null, cancellationToken);
            if (earliest is null)
            {
                return 0;
            }

            start = table.BucketStart(earliest.Value);
        }

        var written = 0;
        for (var from = start.Value; from < end;)
        {
            // Skip stretches without readings (the service was off) instead of walking them a day at a time.
            var next = await EarliestRawTimeAsync(from, cancellationToken);
            if (next is null || next >= end)
            {
                from = end;
            }
            else if (table.BucketStart(next.Value) > from)
            {
                from = table.BucketStart(next.Value);
            }

            var to = from + RollupChunk < end ? from + RollupChunk : end;
            var chunkFrom = from;
            written += await InWriteTransactionAsync(
                async (connection, transaction) =>
                {
                    var buckets = await ComputeBucketsAsync(connection, transaction, table, chunkFrom, to, cancellationToken);
                    await UpsertBucketsAsync(connection, transaction, table, buckets, cancellationToken);
                    await WriteProgressAsync(connection, transaction, table, to, cancellationToken);
                    return buckets.Count;
                },
                cancellationToken);
            from = to;
        }

        return written;
    }

    private async Task<IReadOnlyList<RollupBucket>> ComputeBucketsAsync(
        DbConnection connection, DbTransaction transaction, RollupTable table, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction,
            "SELECT site, device, quantity, unit, time, value FROM readings WHERE time >= @from AND time < @to " +
            "ORDER BY site, device, quantity, time");
        AddTimeParameter(command, "@from", from);
        AddTimeParameter(command, "@to", to);
        var accumulator = new RollupAccumulator(table.Width);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accumulator.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                ReadTime(reader, 4), reader.GetNullableDouble(5));
        }

        return accumulator.Finish();
    }

    private async Task UpsertBucketsAsync(
        DbConnection connection, DbTransaction transaction, RollupTable table, IReadOnlyList<RollupBucket> buckets, CancellationToken cancellationToken)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand(transaction,
            $"INSERT INTO {table.Name} (site, device, quantity, bucket, unit, avg, min, max, count, last) " +
            "VALUES (@site, @device, @quantity, @bucket, @unit, @avg, @min, @max, @count, @last) " +
            "ON CONFLICT (site, device, quantity, bucket) DO UPDATE SET unit = excluded.unit, avg = excluded.avg, " +
            "min = excluded.min, max = excluded.max, count = excluded.count, last = excluded.last");
        var site = command.AddParameter("@site", DbType.String);
        var device = command.AddParameter("@device", DbType.String);
        var quantity = command.AddParameter("@quantity", DbType.String);
        var bucket = AddTimeParameter(command, "@bucket", null);
        var unit = command.AddParameter("@unit", DbType.String);
        var avg = command.AddParameter("@avg", DbType.Double);
        var min = command.AddParameter("@min", DbType.Double);
        var max = command.AddParameter("@max", DbType.Double);
        var count = command.AddParameter("@count", DbType.Int64);
        var last = command.AddParameter("@last", DbType.Double);
        foreach (var b in buckets)
        {
            site.Set(b.Site);
            device.Set(b.Device);
            quantity.Set(b.Quantity);
            SetTime(bucket, b.Start);
            unit.Set(b.Unit);
            avg.Set(b.Avg);
            min.Set(b.Min);
            max.Set(b.Max);
            count.Set(b.Count);
            last.Set(b.Last);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Sets a parameter made by <see cref="AddTimeParameter"/> to a new time.</summary>
    protected abstract void SetTime(DbParameter parameter, DateTimeOffset value);

    private async Task<DateTimeOffset?> ReadProgressAsync(RollupTable table, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(
            command =>
            {
                command.AddParameter("@resolution", DbType.String, table.ProgressKey);
                return "SELECT done_until FROM rollup_progress WHERE resolution = @resolution";
            },
            reader => ReadTime(reader, 0),
            cancellationToken);
        return rows.Count > 0 ? rows[0] : null;
    }

    private async Task<DateTimeOffset?> EarliestRawTimeAsync(DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(
            command =>
            {
                if (notBefore is null)
                {
                    return "SELECT MIN(time) FROM readings";
                }

                AddTimeParameter(command, "@from", notBefore);
                return "SELECT MIN(time) FROM readings WHERE time >= @from";
            },
            reader => reader.IsDBNull(0) ? (DateTimeOffset?)null : ReadTime(reader, 0),
            cancellationToken);
        return rows[0];
    }

    private async Task WriteProgressAsync(
        DbConnection connection, DbTransaction transaction, RollupTable table, DateTimeOffset doneUntil, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction,
            "INSERT INTO rollup_progress (resolution, done_until) VALUES (@resolution, @done) " +
            "ON CONFLICT (resolution) DO UPDATE SET done_until = excluded.done_until");
        command.AddParameter("@resolution", DbType.String, table.ProgressKey);
        AddTimeParameter(command, "@done", doneUntil);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<int> DeleteOlderThanAsync(string table, string timeColumn, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand(transaction, $"DELETE FROM {table} WHERE {timeColumn} < @cutoff");
                AddTimeParameter(command, "@cutoff", cutoff);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
}
