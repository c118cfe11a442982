using System.Data;
using System.Data.Common;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace EnergyTap.Server.Storage.Postgres;

/// <summary>
/// The same schema and behaviour as <see cref="Sqlite.SqliteReadingStore"/>, for fleets that outgrow one machine.
/// Batches arrive by binary COPY into a per-connection temporary table and move into readings with
/// INSERT ... ON CONFLICT DO NOTHING, so a batch retried after a dropped connection (whose first attempt may or may
/// not have committed) never duplicates a row.
/// </summary>
public sealed class PostgresReadingStore : SqlReadingStore
{
    private const string Columns = "site, device, quantity, time, unit, value, quality";

    private readonly NpgsqlDataSource _source;
    private readonly bool _readOnly;

    private PostgresReadingStore(NpgsqlDataSource source, bool readOnly, string description, ReadingStoreOptions options) : base(options)
    {
        _source = source;
        _readOnly = readOnly;
        Description = description;
    }

    /// <summary>host:port/database, without credentials: safe to show and log.</summary>
    public string Description { get; }

    /// <summary>Connects, and creates or migrates the schema.</summary>
    public static Task<PostgresReadingStore> OpenAsync(string connectionString, ReadingStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, readOnly: false, options, cancellationToken);

    /// <summary>Connects for queries only: the session is read-only and the schema must already exist.</summary>
    public static Task<PostgresReadingStore> OpenReadOnlyAsync(string connectionString, ReadingStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, readOnly: true, options, cancellationToken);

    private static async Task<PostgresReadingStore> OpenAsync(string connectionString, bool readOnly, ReadingStoreOptions? options, CancellationToken cancellationToken)
    {
        options ??= ReadingStoreOptions.Default;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new StorageException($"invalid PostgreSQL connection string: {ex.Message}", ex);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new StorageException("invalid PostgreSQL connection string: no Host (example: Host=127.0.0.1;Database=energytap;Username=energytap)");
        }

        if (readOnly)
        {
            // Enforced by the server, not just by us: a read command can never change the database.
            builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
        }

        var description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).UseLoggerFactory(options.LoggerFactory).Build();
        var store = new PostgresReadingStore(dataSource, readOnly, description, options);
        try
        {
            if (readOnly)
            {
                await store.CheckSchemaAsync(description, cancellationToken);
            }
            else
            {
                await store.MigrateAsync(SqlDialect.Postgres, cancellationToken);
            }

            return store;
        }
        catch (NpgsqlException ex)
        {
            await store.DisposeAsync();
            throw new StorageException($"cannot use {description}: {Describe(ex)}", ex);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    protected override async Task InsertBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Reading> batch, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        // Temporary tables live per connection; ON COMMIT DELETE ROWS empties it after every batch.
        await ExecuteAsync(connection, transaction,
            "CREATE TEMP TABLE IF NOT EXISTS readings_incoming (LIKE readings) ON COMMIT DELETE ROWS", cancellationToken);
        await using (var importer = await npgsql.BeginBinaryImportAsync(
                         $"COPY readings_incoming ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var reading in batch)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(reading.Site, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(reading.Device, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(reading.Quantity, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(TruncateToMilliseconds(reading.Time).UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(reading.Unit ?? "", NpgsqlDbType.Text, cancellationToken);
                if (DbCommandExtensions.Finite(reading.Value) is { } value)
                {
                    await importer.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }

                await importer.WriteAsync(QualityNames.ToDb(reading.Quality), NpgsqlDbType.Text, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, transaction,
            $"INSERT INTO readings ({Columns}) SELECT {Columns} FROM readings_incoming ON CONFLICT DO NOTHING", cancellationToken);
    }

    protected override async ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await OpenConnectionAsync(cancellationToken);

    protected override async Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_readOnly)
        {
            throw new InvalidOperationException($"{Description} was opened read-only");
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException)
        {
            // After a server restart every idle pooled connection is dead; drop them so the retry connects afresh.
            _source.Clear();
            throw;
        }
    }

    private protected override async Task BeforeMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Two services starting at once must not both create the tables; the lock ends with the transaction.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7262310485)", cancellationToken);
    }

    protected override DbParameter AddTimeParameter(DbCommand command, string name, DateTimeOffset? value)
    {
        var parameter = new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value?.UtcDateTime ?? (object)DBNull.Value };
        command.Parameters.Add(parameter);
        return parameter;
    }

    protected override void SetTime(DbParameter parameter, DateTimeOffset value) => parameter.Value = value.UtcDateTime;

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    public override ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _source.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            _source.Clear();
            throw;
        }
    }

    private static string Describe(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            message += $" ({inner.Message})";
        }

        return message.Split('\n')[0].Trim();
    }
}
