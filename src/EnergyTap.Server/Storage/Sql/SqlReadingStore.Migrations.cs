using System.Data;
using System.Data.Common;
using System.Globalization;

namespace EnergyTap.Server.Storage.Sql;

public abstract partial class SqlReadingStore
{
    /// <summary>Brings the schema up to date in one transaction; refuses a database written by a newer EnergyTap.</summary>
    private protected Task MigrateAsync(SqlDialect dialect, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await BeforeMigrationAsync(connection, transaction, cancellationToken);
                await ExecuteAsync(connection, transaction,
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)",
                    cancellationToken);
                var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
                ThrowIfNewer(current);
                foreach (var migration in Schema.Migrations(dialect).Where(m => m.Version > current))
                {
                    foreach (var statement in migration.Statements)
                    {
                        await ExecuteAsync(connection, transaction, statement, cancellationToken);
                    }

                    await using var record = connection.CreateCommand(transaction,
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at)");
                    record.AddParameter("@version", DbType.Int32, migration.Version);
                    record.AddParameter("@description", DbType.String, migration.Description);
                    record.AddParameter("@at", DbType.String, Options.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                return current;
            },
            cancellationToken);

    /// <summary>For read-only opens: the schema must exist and match this version exactly, since a read never migrates.</summary>
    private protected async Task CheckSchemaAsync(string where, CancellationToken cancellationToken)
    {
        int current;
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        try
        {
            current = await CurrentVersionAsync(connection, null, cancellationToken);
        }
        catch (DbException ex)
        {
            throw new StorageException($"{where} is not an EnergyTap history database ({ex.Message.Split('\n')[0].Trim()})", ex);
        }

        ThrowIfNewer(current);
        if (current < Schema.LatestVersion)
        {
            throw new StoreSchemaOutdatedException(where, current, Schema.LatestVersion);
        }
    }

    /// <summary>A hook to serialize concurrent migrations across processes (PostgreSQL takes an advisory lock).</summary>
    private protected virtual Task BeforeMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(int current)
    {
        if (current > Schema.LatestVersion)
        {
            throw new StorageException(
                $"the database has schema version {current}, newer than this EnergyTap understands ({Schema.LatestVersion}); upgrade EnergyTap");
        }
    }
}
