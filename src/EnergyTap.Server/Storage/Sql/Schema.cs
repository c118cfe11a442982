namespace EnergyTap.Server.Storage.Sql;

/// <summary>A numbered schema change; applied once, in order, inside the opening transaction.</summary>
internal sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>
/// The one schema, written once and typed per backend. Add a migration at the end to change it; never edit a
/// released one.
/// </summary>
internal static class Schema
{
    public static int LatestVersion => Migrations(SqlDialect.Sqlite)[^1].Version;

    public static IReadOnlyList<Migration> Migrations(SqlDialect d) =>
    [
        new(1, "readings, 5-minute and hourly roll-ups, control commands, audit log",
        [
            // The primary key is the idempotency key: a retried batch cannot duplicate a reading.
            $"CREATE TABLE readings (site TEXT NOT NULL, device TEXT NOT NULL, quantity TEXT NOT NULL, time {d.Time} NOT NULL, " +
            $"unit TEXT NOT NULL, value {d.Real}, quality TEXT NOT NULL, PRIMARY KEY (site, device, quantity, time)){d.KeyedTableSuffix}",
            "CREATE INDEX readings_time ON readings (time)",
            .. RollupTable.All.SelectMany(t => new[]
            {
                $"CREATE TABLE {t.Name} (site TEXT NOT NULL, device TEXT NOT NULL, quantity TEXT NOT NULL, bucket {d.Time} NOT NULL, " +
                $"unit TEXT NOT NULL, avg {d.Real}, min {d.Real}, max {d.Real}, count {d.BigInt} NOT NULL, last {d.Real}, " +
                $"PRIMARY KEY (site, device, quantity, bucket)){d.KeyedTableSuffix}",
                $"CREATE INDEX {t.Name}_bucket ON {t.Name} (bucket)",
            }),
            // Up to where each roll-up is complete; advanced in the same transaction as the buckets it covers.
            $"CREATE TABLE rollup_progress (resolution TEXT NOT NULL PRIMARY KEY, done_until {d.Time} NOT NULL)",
            $"CREATE TABLE control_commands (id {d.IdentityKey}, site TEXT NOT NULL, device TEXT NOT NULL, kind TEXT NOT NULL, " +
            $"watts {d.Real}, issued_at {d.Time} NOT NULL, revert_deadline {d.Time} NOT NULL, released_at {d.Time}, outcome TEXT)",
            "CREATE INDEX control_commands_open ON control_commands (revert_deadline) WHERE released_at IS NULL",
            "CREATE INDEX control_commands_issued ON control_commands (issued_at)",
            $"CREATE TABLE audit_log (id {d.IdentityKey}, time {d.Time} NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL)",
            "CREATE INDEX audit_log_time ON audit_log (time)",
        ]),
        new(2, "fleet: site leases and live instances",
        [
            // One row per site; owner is null when nobody holds it. expires_at is the holder's clock + lease length.
            $"CREATE TABLE site_leases (site TEXT NOT NULL PRIMARY KEY, owner TEXT, expires_at {d.Time} NOT NULL){d.KeyedTableSuffix}",
            // Every running instance, so a newcomer that holds nothing yet still counts when shares are computed.
            $"CREATE TABLE fleet_members (instance TEXT NOT NULL PRIMARY KEY, expires_at {d.Time} NOT NULL){d.KeyedTableSuffix}",
        ]),
    ];
}
