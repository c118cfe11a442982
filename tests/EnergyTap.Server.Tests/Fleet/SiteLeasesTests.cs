using EnergyTap.Server.Fleet;
using EnergyTap.Server.Tests.Storage;

namespace EnergyTap.Server.Tests.Fleet;

/// <summary>The lease rounds against a real PostgreSQL server, each instance's clock passed explicitly.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiteLeasesTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Renew = Lease / 3;
    private readonly DateTimeOffset _start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private SiteLeases _leases = null!;

    public async Task InitializeAsync() => _leases = SiteLeases.Open(await FleetDatabase.CreateAsync(server));

    public async Task DisposeAsync() => await _leases.DisposeAsync();

    private Task<LeaseRound> RoundAsync(string instance, IReadOnlyCollection<string> sites, DateTimeOffset now) =>
        _leases.RenewAsync(instance, sites, now, Lease, default);

    /// <summary>Every instance renews once per renewal period, in turn, as their loops would.</summary>
    private async Task<Dictionary<string, LeaseRound>> SettleAsync(string[] instances, string[] sites, DateTimeOffset now, int periods = 3)
    {
        var last = new Dictionary<string, LeaseRound>();
        for (var p = 0; p < periods; p++)
        {
            foreach (var instance in instances)
            {
                last[instance] = await RoundAsync(instance, sites, now + Renew * p);
            }
        }

        return last;
    }

    [Fact]
    public async Task A_lone_instance_takes_every_site()
    {
        var sites = FleetDatabase.Sites(5);

        var round = await RoundAsync("a", sites, _start);

        Assert.Equal(sites, round.Owned.Keys.Order());
        Assert.All(round.Owned.Values, until => Assert.Equal(_start + Lease, until));
        Assert.Equal(1, round.LiveInstances);
        Assert.All(await FleetDatabase.OwnersAsync(_leases, _start), o => Assert.Equal("a", o.Value));
    }

    [Fact]
    public async Task Three_instances_split_the_sites_evenly_and_never_hold_one_twice()
    {
        var sites = FleetDatabase.Sites(10);

        var rounds = await SettleAsync(["a", "b", "c"], sites, _start);

        FleetDatabase.AssertPartition(sites, rounds["a"].Owned.Keys, rounds["b"].Owned.Keys, rounds["c"].Owned.Keys);
        Assert.All(rounds.Values, r => Assert.InRange(r.Owned.Count, 3, 4));
        var table = await FleetDatabase.OwnersAsync(_leases, _start + Renew * 2);
        foreach (var (instance, round) in rounds)
        {
            Assert.All(round.Owned.Keys, site => Assert.Equal(instance, table[site]));
        }
    }

    [Fact]
    public async Task A_newcomer_gets_its_share_as_the_first_instance_renews()
    {
        var sites = FleetDatabase.Sites(8);
        Assert.Equal(8, (await RoundAsync("a", sites, _start)).Owned.Count);

        var newcomer = await RoundAsync("b", sites, _start + TimeSpan.FromSeconds(1));
        Assert.Empty(newcomer.Owned); // nothing is free yet; b is now a live member though
        var first = await RoundAsync("a", sites, _start + Renew);
        Assert.Equal(4, first.Owned.Count); // a gave its surplus back
        newcomer = await RoundAsync("b", sites, _start + Renew + TimeSpan.FromSeconds(1));

        Assert.Equal(4, newcomer.Owned.Count);
        FleetDatabase.AssertPartition(sites, first.Owned.Keys, newcomer.Owned.Keys);
    }

    [Fact]
    public async Task A_killed_instances_sites_move_to_the_others_after_its_lease_and_not_before()
    {
        var sites = FleetDatabase.Sites(9);
        var rounds = await SettleAsync(["a", "b", "c"], sites, _start);
        var lastRenewalOfC = _start + Renew * 2;
        var sitesOfC = rounds["c"].Owned.Keys.ToHashSet();
        Assert.Equal(3, sitesOfC.Count);

        // c is killed: it never renews again and releases nothing. a and b keep renewing.
        LeaseRound a = null!, b = null!;
        for (var now = lastRenewalOfC + Renew; now < lastRenewalOfC + Lease; now += Renew)
        {
            a = await RoundAsync("a", sites, now);
            b = await RoundAsync("b", sites, now);
            Assert.Empty(sitesOfC.Intersect(a.Owned.Keys));
            Assert.Empty(sitesOfC.Intersect(b.Owned.Keys));
        }

        var justBefore = lastRenewalOfC + Lease - TimeSpan.FromMilliseconds(1);
        a = await RoundAsync("a", sites, justBefore);
        Assert.Empty(sitesOfC.Intersect(a.Owned.Keys));

        var expired = lastRenewalOfC + Lease;
        a = await RoundAsync("a", sites, expired);
        b = await RoundAsync("b", sites, expired + TimeSpan.FromMilliseconds(10));

        FleetDatabase.AssertPartition(sites, a.Owned.Keys, b.Owned.Keys);
        Assert.Equal(2, b.LiveInstances);
        Assert.All(await FleetDatabase.OwnersAsync(_leases, expired + TimeSpan.FromSeconds(1)), o => Assert.NotEqual("c", o.Value));
    }

    [Fact]
    public async Task A_clean_stop_hands_the_sites_over_at_once()
    {
        var sites = FleetDatabase.Sites(6);
        var rounds = await SettleAsync(["a", "b"], sites, _start);
        var now = _start + Renew * 2 + TimeSpan.FromSeconds(1);

        await _leases.ReleaseAllAsync("b", now, default);
        var a = await RoundAsync("a", sites, now + TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, rounds["b"].Owned.Count);
        Assert.Equal(sites, a.Owned.Keys.Order());
        Assert.Equal(1, a.LiveInstances);
    }

    [Fact]
    public async Task Many_instances_claiming_at_the_same_moment_never_take_a_site_twice()
    {
        var sites = FleetDatabase.Sites(40);
        var instances = Enumerable.Range(1, 8).Select(i => $"i{i}").ToArray();

        for (var period = 0; period < 3; period++)
        {
            var now = _start + Renew * period;
            var rounds = await Task.WhenAll(instances.Select(i => Task.Run(() => RoundAsync(i, sites, now))));

            var held = rounds.SelectMany(r => r.Owned.Keys).ToList();
            Assert.Equal(held.Count, held.Distinct().Count());
            var table = await FleetDatabase.OwnersAsync(_leases, now);
            for (var i = 0; i < instances.Length; i++)
            {
                Assert.All(rounds[i].Owned.Keys, site => Assert.Equal(instances[i], table[site]));
            }
        }

        var settled = await SettleAsync(instances, sites, _start + Renew * 3);
        FleetDatabase.AssertPartition(sites, [.. settled.Values.Select(r => r.Owned.Keys)]);
        Assert.All(settled.Values, r => Assert.Equal(5, r.Owned.Count));
    }

    [Fact]
    public async Task A_site_removed_from_an_instances_configuration_is_handed_back()
    {
        var sites = FleetDatabase.Sites(3);
        await RoundAsync("a", sites, _start);

        var round = await RoundAsync("a", sites[..2], _start + Renew);

        Assert.Equal(sites[..2], round.Owned.Keys.Order());
        Assert.Null((await FleetDatabase.OwnersAsync(_leases, _start + Renew))[sites[2]]);
    }
}
