using System.Data;
using System.Data.Common;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace EnergyTap.Server.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode with synchronous=NORMAL, so a committed batch survives the
/// process being killed and readers never block the writer. All writes go through one connection (SQLite has one
/// writer anyway) with a prepared insert; every query opens its own read-only connection from the pool.
/// </summary>
public sealed class SqliteReadingStore : SqlReadingStore
{
    private readonly SqliteConnection? _writer;
    private readonly SqliteCommand? _insert;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _readConnectionString;
    private bool _disposed;

    static SqliteReadingStore() => SQLitePCL.Batteries_V2.Init();

    private SqliteReadingStore(string path, SqliteConnection? writer, ReadingStoreOptions options) : base(options)
    {
        Path = path;
        _writer = writer;
        _readConnectionString = ConnectionString(path, SqliteOpenMode.ReadOnly, pooling: true);
        if (writer is not null)
        {
            _insert = writer.CreateCommand();
            _insert.CommandText =
                "INSERT INTO readings (site, device, quantity, time, unit, value, quality) " +
                "VALUES (@site, @device, @quantity, @time, @unit, @value, @quality) ON CONFLICT DO NOTHING";
            foreach (var (name, type) in new[]
                     {
                         ("@site", SqliteType.Text), ("@device", SqliteType.Text), ("@quantity", SqliteType.Text), ("@time", SqliteType.Integer),
                         ("@unit", SqliteType.Text), ("@value", SqliteType.Real), ("@quality", SqliteType.Text),
                     })
            {
                _insert.Parameters.Add(name, type);
            }
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating the file and its folder if needed) and migrates the database for reading and writing.</summary>
    public static async Task<SqliteReadingStore> OpenAsync(string path, ReadingStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var writer = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadWriteCreate, pooling: false));
        SqliteReadingStore? store = null;
        try
        {
            await writer.OpenAsync(cancellationToken);
            // WAL: readers and the writer do not block each other. NORMAL: a commit is durable against a killed
            // process (not against power loss), which is what a one-second ingest batch needs.
            await ExecuteAsync(writer, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000", cancellationToken);
            store = new SqliteReadingStore(path, writer, options ?? ReadingStoreOptions.Default);
            await store.MigrateAsync(SqlDialect.Sqlite, cancellationToken);
            store._insert!.Prepare();
            return store;
        }
        catch (SqliteException ex)
        {
            await DisposeAfterFailedOpenAsync(store, writer);
            throw new StorageException($"cannot open history database {path}: {ex.Message}", ex);
        }
        catch
        {
            await DisposeAfterFailedOpenAsync(store, writer);
            throw;
        }
    }

    /// <summary>
    /// Opens an existing database for queries only. Never creates a file: a missing one is a
    /// <see cref="StoreNotFoundException"/>; a file that is not an EnergyTap database is a <see cref="StorageException"/>.
    /// </summary>
    public static async Task<SqliteReadingStore> OpenReadOnlyAsync(string path, ReadingStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new StoreNotFoundException($"no history database at {path} (the service creates it)") { Path = path };
        }

        var store = new SqliteReadingStore(path, null, options ?? ReadingStoreOptions.Default);
        try
        {
            await store.CheckSchemaAsync(path, cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    protected override Task InsertBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Reading> batch, CancellationToken cancellationToken)
    {
        var insert = _insert!;
        insert.Transaction = (SqliteTransaction)transaction;
        var p = insert.Parameters;
        foreach (var reading in batch)
        {
            p[0].Value = reading.Site;
            p[1].Value = reading.Device;
            p[2].Value = reading.Quantity;
            p[3].Value = reading.Time.ToUnixTimeMilliseconds();
            p[4].Value = reading.Unit ?? "";
            p[5].Value = DbCommandExtensions.Finite(reading.Value) is { } v ? v : DBNull.Value;
            p[6].Value = QualityNames.ToDb(reading.Quality);
            insert.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    protected override async ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override async Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = _writer ?? throw new InvalidOperationException($"{Path} was opened read-only");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE: take the write lock up front, so a reader upgrading to writer can never deadlock us.
            using var transaction = writer.BeginTransaction(deferred: false);
            var result = await work(writer, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    protected override DbParameter AddTimeParameter(DbCommand command, string name, DateTimeOffset? value) =>
        command.AddParameter(name, DbType.Int64, value?.ToUnixTimeMilliseconds());

    protected override void SetTime(DbParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUnixTimeMilliseconds();

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _writeLock.WaitAsync();
        try
        {
            _disposed = true;
            if (_insert is not null)
            {
                await _insert.DisposeAsync();
            }

            if (_writer is not null)
            {
                await _writer.DisposeAsync();
            }

            // Pooled read connections would otherwise keep the file (and its -wal) open after the store is gone.
            using var read = new SqliteConnection(_readConnectionString);
            SqliteConnection.ClearPool(read);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode, bool pooling) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = pooling, DefaultTimeout = 30 }.ToString();

    private static async Task DisposeAfterFailedOpenAsync(SqliteReadingStore? store, SqliteConnection writer)
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
        else
        {
            await writer.DisposeAsync();
        }
    }
}
