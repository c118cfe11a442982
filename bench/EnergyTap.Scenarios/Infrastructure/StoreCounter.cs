using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>Counts the readings the service has stored, from outside the service, in SQLite or PostgreSQL.</summary>
internal sealed class StoreCounter(Func<DbConnection> connect)
{
    public static StoreCounter Sqlite(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        return new(() => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()));
    }

    public static StoreCounter Postgres(string connectionString) => new(() => new NpgsqlConnection(connectionString));

    /// <summary>Rows in the readings table; 0 while the database or table does not exist yet.</summary>
    public async Task<long> CountAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = connect();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM readings";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }
    }
}
