using EnergyTap.Server.Fleet;
using EnergyTap.Server.Storage.Postgres;
using EnergyTap.Server.Tests.Storage;

namespace EnergyTap.Server.Tests.Fleet;

/// <summary>A fresh database on the shared test PostgreSQL, migrated by the real history store as the service does it.</summary>
public static class FleetDatabase
{
    public static async Task<string> CreateAsync(PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var store = await PostgresReadingStore.OpenAsync(connectionString);
        return connectionString;
    }

    public static string[] Sites(int count) => Enumerable.Range(1, count).Select(i => $"site{i:00}").ToArray();

    /// <summary>Every site held by exactly one of <paramref name="rounds"/>, and the union is all of <paramref name="sites"/>.</summary>
    public static void AssertPartition(IEnumerable<string> sites, params IEnumerable<string>[] held)
    {
        var all = held.SelectMany(h => h).ToList();
        Assert.Equal(all.Count, all.Distinct().Count()); // nobody twice
        Assert.Equal(sites.Order(), all.Order());
    }

    /// <summary>What the table says: site → live owner (null when free or expired) at <paramref name="now"/>.</summary>
    public static async Task<Dictionary<string, string?>> OwnersAsync(SiteLeases leases, DateTimeOffset now) =>
        (await leases.ListAsync(default)).ToDictionary(l => l.Site, l => l.ExpiresAt > now ? l.Owner : null);

    /// <summary>One line about a membership's last round, for assertion messages.</summary>
    public static string Describe(FleetMembership m, TimeProvider time) =>
        $"rounds {m.Status.Rounds}, last {m.Status.LastRenewal:HH:mm:ss.fff} (now {time.GetUtcNow():HH:mm:ss.fff}), error {m.Status.LastError ?? "none"}, " +
        $"live {m.Status.LiveInstances}, owned [{string.Join(", ", m.OwnedSites)}], " +
        $"leases [{string.Join(", ", m.Status.Leases.Select(l => $"{l.Site}={l.Owner}@{l.ExpiresAt:HH:mm:ss}"))}]";
}
