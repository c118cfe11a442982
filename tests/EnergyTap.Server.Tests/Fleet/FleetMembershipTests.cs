using EnergyTap.Server.Fleet;
using EnergyTap.Server.Storage.Postgres;
using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Tests.Storage;
using Eventually = EnergyTap.Server.Tests.Infrastructure.Eventually;
using Npgsql;

namespace EnergyTap.Server.Tests.Fleet;

/// <summary>The renewal loop on a manual clock against a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetMembershipTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _time = new();
    private readonly string[] _sites = FleetDatabase.Sites(6);
    private readonly List<FleetMembership> _members = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await FleetDatabase.CreateAsync(server);

    public async Task DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }
    }

    private async Task<FleetMembership> JoinAsync(string instance)
    {
        var member = new FleetMembership(SiteLeases.Open(_database), _sites, new FleetOptions { InstanceId = instance, Lease = Lease }, _time);
        _members.Add(member);
        await member.StartAsync(default);
        return member;
    }

    /// <summary>Moves the clock one renewal period and waits until every running loop has finished its round.</summary>
    private async Task RenewalPeriodAsync(params FleetMembership[] running)
    {
        var before = running.Select(m => m.Status.Rounds).ToArray();
        await Eventually.UntilAsync(() => _time.ArmedTimers >= running.Length, "every renewal loop waiting on its timer");
        _time.Advance(Lease / 3);
        await Eventually.UntilAsync(() => running.Select((m, i) => m.Status.Rounds > before[i]).All(done => done), "a renewal round of every instance");
    }

    [Fact]
    public async Task Two_instances_renewing_on_their_own_split_the_sites_and_each_site_has_one_owner()
    {
        var a = await JoinAsync("a");
        Assert.Equal(_sites, a.OwnedSites);
        var b = await JoinAsync("b");

        await RenewalPeriodAsync(a, b);
        await RenewalPeriodAsync(a, b);

        Assert.True(a.OwnedSites.Count == 3 && b.OwnedSites.Count == 3, $"a: {FleetDatabase.Describe(a, _time)}; b: {FleetDatabase.Describe(b, _time)}");
        Assert.All(_sites, site => Assert.True(a.Owns(site) ^ b.Owns(site), $"{site} must have exactly one owner"));
        Assert.All(a.OwnedSites, site => Assert.Equal("a", b.OwnerOf(site)));
        Assert.All(a.OwnedSites, site => Assert.Null(a.OwnerOf(site)));
        Assert.Equal(2, a.Status.LiveInstances);
    }

    [Fact]
    public async Task Disposing_an_instance_hands_its_sites_to_the_other_at_its_next_renewal()
    {
        var a = await JoinAsync("a");
        var b = await JoinAsync("b");
        await RenewalPeriodAsync(a, b);
        await RenewalPeriodAsync(a, b);
        Assert.Equal(3, b.OwnedSites.Count);

        await b.DisposeAsync();
        Assert.Empty(b.OwnedSites);
        await RenewalPeriodAsync(a);

        Assert.Equal(_sites, a.OwnedSites);
    }

    [Fact]
    public async Task An_instance_cut_off_from_the_database_stops_owning_when_its_leases_expire()
    {
        var a = await JoinAsync("a");
        await CutOffAsync();

        await RenewalPeriodAsync(a);
        Assert.NotNull(a.Status.LastError);
        Assert.Equal(_sites, a.OwnedSites); // still within the lease it holds
        await RenewalPeriodAsync(a);
        Assert.True(a.Owns(_sites[0]));
        _time.Advance(Lease / 3 - TimeSpan.FromMilliseconds(1));
        Assert.True(a.Owns(_sites[0]));

        _time.Advance(TimeSpan.FromMilliseconds(1)); // exactly one lease after the last successful renewal

        Assert.Empty(a.OwnedSites);
        Assert.All(_sites, site => Assert.False(a.Owns(site)));
    }

    /// <summary>Refuses new connections to the test database and ends the open ones, as a network cut would.</summary>
    private async Task CutOffAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(_database).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString("postgres")) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE {name} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", admin);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_store_migration_creates_the_lease_tables_in_PostgreSQL()
    {
        await using var store = await PostgresReadingStore.OpenAsync(_database);
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_name IN ('site_leases', 'fleet_members')", connection);

        Assert.Equal("fleet_members,site_leases", await command.ExecuteScalarAsync());
    }
}
