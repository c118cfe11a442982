using System.Globalization;
using EnergyTap.Server.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace EnergyTap.Server.Fleet;

/// <summary>
/// The site leases of a fleet, kept in the shared PostgreSQL database (tables <c>site_leases</c> and
/// <c>fleet_members</c>, created by the history store's schema migration). Each round runs in one transaction:
/// heartbeat, renew what this instance holds, give back a surplus, and claim free or expired sites with
/// <c>SELECT … FOR UPDATE SKIP LOCKED</c>, so instances claiming at the same moment never take the same site.
/// Every time comes from the caller's clock: instance clocks must agree to well within a third of the lease.
/// </summary>
public sealed class SiteLeases : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;

    private SiteLeases(NpgsqlDataSource source) => _source = source;

    /// <summary>Uses the same connection string as the history store, which must have been opened once (it creates the tables).</summary>
    public static SiteLeases Open(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        try
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.UseLoggerFactory(loggerFactory ?? NullLoggerFactory.Instance);
            return new SiteLeases(builder.Build());
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new StorageException($"invalid PostgreSQL connection string: {ex.Message}", ex);
        }
    }

    /// <summary>One renewal round for <paramref name="instance"/> over the fleet's <paramref name="sites"/> at <paramref name="now"/>.</summary>
    public async Task<LeaseRound> RenewAsync(string instance, IReadOnlyCollection<string> sites, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        ArgumentNullException.ThrowIfNull(sites);
        var all = sites.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(); // one lock order for everyone
        var until = now + lease;
        return await InTransactionAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO fleet_members (instance, expires_at) VALUES (@me, @until) " +
                "ON CONFLICT (instance) DO UPDATE SET expires_at = EXCLUDED.expires_at",
                instance, all, now, until, cancellationToken);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO site_leases (site, owner, expires_at) SELECT unnest(@sites), NULL, @now ON CONFLICT (site) DO NOTHING",
                instance, all, now, until, cancellationToken);

            // A site dropped from this instance's configuration is handed back at once.
            await ExecuteAsync(connection, transaction,
                "UPDATE site_leases SET owner = NULL, expires_at = @now WHERE owner = @me AND NOT (site = ANY(@sites))",
                instance, all, now, until, cancellationToken);
            var held = await SitesAsync(connection, transaction,
                "UPDATE site_leases SET expires_at = @until WHERE owner = @me AND site = ANY(@sites) RETURNING site",
                instance, all, now, until, cancellationToken);

            var others = await OthersHeldAsync(connection, transaction, instance, all, now, cancellationToken);
            var adjustment = FairShare.Adjustment(all.Length, held.Count, others);
            if (adjustment < 0)
            {
                var surplus = held.Order(StringComparer.Ordinal).TakeLast(-adjustment).ToArray();
                await ExecuteAsync(connection, transaction,
                    "UPDATE site_leases SET owner = NULL, expires_at = @now WHERE owner = @me AND site = ANY(@sites)",
                    instance, surplus, now, until, cancellationToken);
                held.ExceptWith(surplus);
            }
            else
            {
                held.UnionWith(await ClaimAsync(connection, transaction, instance, all, adjustment, now, lease, cancellationToken));
            }

            var leases = await LeasesAsync(connection, transaction, all, cancellationToken);
            var owned = held.ToDictionary(s => s, _ => until, StringComparer.Ordinal);
            return new LeaseRound(owned, leases, others.Count + 1);
        }, cancellationToken);
    }

    /// <summary>A clean stop: every lease of <paramref name="instance"/> is free at once, and it leaves the member list.</summary>
    public Task ReleaseAllAsync(string instance, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, "UPDATE site_leases SET owner = NULL, expires_at = @now WHERE owner = @me",
                instance, [], now, now, cancellationToken);
            await ExecuteAsync(connection, transaction, "DELETE FROM fleet_members WHERE instance = @me",
                instance, [], now, now, cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>The lease of every site the database knows, for status pages and tests.</summary>
    public Task<IReadOnlyList<SiteLease>> ListAsync(CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => LeasesAsync(connection, transaction, null, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>
    /// Claims up to <paramref name="wanted"/> free or expired sites, plus any left unclaimed for a whole lease
    /// (a safety net for instances configured with different site lists, whose shares do not add up). Only rows
    /// that will be taken are locked, so a claimer that wants nothing never hides free sites from the others.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string instance, string[] sites, int wanted, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string Free = "SELECT site FROM site_leases WHERE site = ANY(@sites) AND (owner IS NULL OR expires_at <= @now)";
        var claim = new HashSet<string>(StringComparer.Ordinal);
        if (wanted > 0)
        {
            claim.UnionWith(await SitesAsync(connection, transaction,
                $"{Free} ORDER BY expires_at, site LIMIT {wanted.ToString(CultureInfo.InvariantCulture)} FOR UPDATE SKIP LOCKED",
                instance, sites, now, now, cancellationToken));
        }

        // Here @until is the cut-off: free since before it means nobody else wanted the site for a whole lease.
        claim.UnionWith(await SitesAsync(connection, transaction, $"{Free} AND expires_at <= @until FOR UPDATE SKIP LOCKED",
            instance, sites, now, now - lease, cancellationToken));
        if (claim.Count > 0)
        {
            await ExecuteAsync(connection, transaction, "UPDATE site_leases SET owner = @me, expires_at = @until WHERE site = ANY(@sites)",
                instance, [.. claim], now, now + lease, cancellationToken);
        }

        return [.. claim];
    }

    /// <summary>How many of the sites each other live instance holds; a member holding none counts as zero.</summary>
    private static async Task<IReadOnlyList<int>> OthersHeldAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string instance, string[] sites, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "SELECT m.instance, COUNT(l.site) FROM fleet_members m " +
            "LEFT JOIN site_leases l ON l.owner = m.instance AND l.expires_at > @now AND l.site = ANY(@sites) " +
            "WHERE m.expires_at > @now AND m.instance <> @me GROUP BY m.instance", instance, sites, now, now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((int)reader.GetInt64(1));
        }

        return counts;
    }

    private static async Task<IReadOnlyList<SiteLease>> LeasesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[]? sites, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            sites is null
                ? "SELECT site, owner, expires_at FROM site_leases ORDER BY site"
                : "SELECT site, owner, expires_at FROM site_leases WHERE site = ANY(@sites) ORDER BY site",
            "", sites ?? [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var leases = new List<SiteLease>();
        while (await reader.ReadAsync(cancellationToken))
        {
            leases.Add(new SiteLease(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), ReadTime(reader, 2)));
        }

        return leases;
    }

    private static async Task<HashSet<string>> SitesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        string instance, string[] sites, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, instance, sites, now, until);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        string instance, string[] sites, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, instance, sites, now, until);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every statement here takes the same four parameters; unused ones are harmless.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        string instance, string[] sites, DateTimeOffset now, DateTimeOffset until)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("me", NpgsqlDbType.Text) { Value = instance });
        command.Parameters.Add(new NpgsqlParameter("sites", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sites });
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = until.UtcDateTime });
        return command;
    }

    private static DateTimeOffset ReadTime(NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException ex)
        {
            _source.Clear(); // after a server restart every pooled connection is dead
            throw new StorageException($"site leases: {ex.Message.Split('\n')[0].Trim()}", ex);
        }
    }
}
