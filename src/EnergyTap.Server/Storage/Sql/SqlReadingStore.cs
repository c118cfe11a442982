using System.Data;
using System.Data.Common;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Control;

namespace EnergyTap.Server.Storage.Sql;

/// <summary>
/// Everything both backends share. The SQLite and PostgreSQL schemas use the same table and column names and
/// only portable SQL (ON CONFLICT, RETURNING, LIMIT, @named parameters), so queries, roll-ups, retention and the
/// control ledger are written once here; a backend supplies connections, the time encoding and the bulk insert.
/// </summary>
public abstract partial class SqlReadingStore : IReadingStore, IControlLedger
{
    private protected SqlReadingStore(ReadingStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    protected ReadingStoreOptions Options { get; }

    /// <summary>A connection for reading; the caller disposes it.</summary>
    protected abstract ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits it.</summary>
    protected abstract Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Adds a time parameter in the backend's encoding (Unix milliseconds or timestamptz).</summary>
    protected abstract DbParameter AddTimeParameter(DbCommand command, string name, DateTimeOffset? value);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public async Task WriteAsync(IReadOnlyCollection<Reading> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        foreach (var reading in batch)
        {
            Validate(reading);
        }

        await InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await InsertBatchAsync(connection, transaction, batch, cancellationToken);
                return batch.Count;
            },
            cancellationToken);
    }

    /// <summary>Inserts validated readings inside the given transaction, skipping any already stored.</summary>
    protected abstract Task InsertBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Reading> batch, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Times are kept with millisecond precision in both backends, so the unique key matches everywhere.</summary>
    protected static DateTimeOffset TruncateToMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    private static void Validate(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (string.IsNullOrEmpty(reading.Site) || string.IsNullOrEmpty(reading.Device) || string.IsNullOrEmpty(reading.Quantity))
        {
            throw new ArgumentException($"a reading needs a site, a device and a quantity (got '{reading.Site}/{reading.Device}/{reading.Quantity}')", nameof(reading));
        }
    }

    /// <summary>Runs one query on a read connection; <paramref name="build"/> adds the parameters and returns the SQL.</summary>
    private async Task<IReadOnlyList<T>> ReadAllAsync<T>(Func<DbCommand, string> build, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(null, "");
        command.CommandText = build(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static string FilterClause(SeriesFilter filter, DbCommand command, string prefix = "")
    {
        var clauses = new List<string>();
        void Add(string column, string? value)
        {
            if (value is not null)
            {
                clauses.Add($"{prefix}{column} = @{column}");
                command.AddParameter("@" + column, DbType.String, value);
            }
        }

        Add("site", filter.Site);
        Add("device", filter.Device);
        Add("quantity", filter.Quantity);
        return string.Join(" AND ", clauses);
    }

    private static string And(params string[] clauses) =>
        string.Join(" AND ", clauses.Where(c => c.Length > 0)) is { Length: > 0 } all ? "WHERE " + all : "";
}
