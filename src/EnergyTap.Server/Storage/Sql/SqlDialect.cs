namespace EnergyTap.Server.Storage.Sql;

/// <summary>The column types one backend uses for the shared schema.</summary>
internal sealed record SqlDialect(string Time, string Real, string BigInt, string IdentityKey, string KeyedTableSuffix)
{
    /// <summary>SQLite: times as Unix milliseconds; keyed tables without rowid (the key is the clustered index).</summary>
    public static readonly SqlDialect Sqlite = new("INTEGER", "REAL", "INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT", " WITHOUT ROWID");

    public static readonly SqlDialect Postgres = new("timestamptz", "double precision", "bigint", "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "");
}
