using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.Server.Configuration;
using EnergyTap.Server.Fleet;
using EnergyTap.Server.Hosting;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Tests.Service;
using EnergyTap.Server.Tests.Storage;

namespace EnergyTap.Server.Tests.Fleet;

/// <summary>Two whole services over one real PostgreSQL server, on one manual clock.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetServiceTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _time = new();
    private readonly string[] _sites = FleetDatabase.Sites(4);
    private readonly List<IAsyncDisposable> _running = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await FleetDatabase.CreateAsync(server);

    public async Task DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_running))
        {
            await service.DisposeAsync();
        }
    }

    private sealed record Instance(EnergyTapService Service, FleetMembership Membership, Dictionary<string, FakePoller> Pollers);

    private async Task<Instance> StartAsync(string id)
    {
        var membership = new FleetMembership(SiteLeases.Open(_database), _sites, new FleetOptions { InstanceId = id, Lease = Lease }, _time);
        await membership.StartAsync(default);
        var pollers = _sites.ToDictionary(site => site, site =>
        {
            var poller = new FakePoller(site, "agate", TimeSpan.FromSeconds(5));
            poller.Behaviour = (n, _) => Task.FromResult<IReadOnlyList<Reading>>([poller.Power(n, _time.GetUtcNow())]);
            return poller;
        });
        var parts = new ServiceParts
        {
            Sites = _sites.Select(s => new SiteInfo(s, s, [pollers[s].Device])).ToList(),
            Pollers = [.. pollers.Values],
            Journal = new MemoryJournal(),
            Time = _time,
            Ownership = membership,
            OwnedResources = [membership],
        };
        var service = await EnergyTapService.StartAsync(parts, new IPEndPoint(IPAddress.Loopback, 0), default);
        _running.Add(service);
        return new Instance(service, membership, pollers);
    }

    /// <summary>Advances one renewal period in 1 s steps and waits for the round of every instance.</summary>
    private async Task RenewalPeriodAsync(params Instance[] instances)
    {
        var before = instances.Select(i => i.Membership.Status.Rounds).ToArray();
        await _time.AdvanceAsync(Lease / 3, TimeSpan.FromSeconds(1));
        await Infrastructure.Eventually.UntilAsync(
            () => instances.Select((i, n) => i.Membership.Status.Rounds > before[n]).All(done => done), "a lease round of every instance");
    }

    [Fact]
    public async Task Each_site_is_polled_by_exactly_one_of_two_services()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        for (var period = 0; period < 3; period++)
        {
            await RenewalPeriodAsync(a, b);
        }

        Assert.Equal(2, a.Membership.OwnedSites.Count);
        Assert.Equal(2, b.Membership.OwnedSites.Count);
        var polledBefore = _sites.ToDictionary(s => s, s => (A: a.Pollers[s].Polls, B: b.Pollers[s].Polls));

        for (var period = 0; period < 3; period++)
        {
            await RenewalPeriodAsync(a, b);
        }

        foreach (var site in _sites)
        {
            var byA = a.Pollers[site].Polls - polledBefore[site].A;
            var byB = b.Pollers[site].Polls - polledBefore[site].B;
            var owner = a.Membership.Owns(site) ? "a" : "b";
            Assert.True(owner == "a" ? byA >= 5 && byB == 0 : byB >= 5 && byA == 0,
                $"{site} (owner {owner}) was polled {byA} times by a and {byB} times by b in 30 s");
        }

        using var http = new HttpClient { BaseAddress = a.Service.Url, Timeout = TimeSpan.FromSeconds(60) };
        var health = await http.GetFromJsonAsync<JsonElement>("api/health");
        Assert.Equal("a", health.GetProperty("fleet").GetProperty("instance").GetString());
        Assert.Equal(a.Membership.OwnedSites, health.GetProperty("fleet").GetProperty("ownedSites").EnumerateArray().Select(e => e.GetString()));
        var elsewhere = health.GetProperty("pollers").EnumerateArray().Where(p => !p.GetProperty("owned").GetBoolean()).ToList();
        Assert.Equal(2, elsewhere.Count);
        Assert.All(elsewhere, p => Assert.Equal("b", p.GetProperty("leasedTo").GetString()));
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_stopped_service_hands_its_sites_to_the_other_which_polls_them()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await RenewalPeriodAsync(a, b);
        await RenewalPeriodAsync(a, b);
        var sitesOfB = b.Membership.OwnedSites;
        Assert.True(sitesOfB.Count == 2, $"b holds {sitesOfB.Count} sites after two renewals: {FleetDatabase.Describe(b.Membership, _time)}; a: {FleetDatabase.Describe(a.Membership, _time)}");

        await b.Service.DisposeAsync();
        _running.Remove(b.Service);
        var polledBefore = sitesOfB.ToDictionary(s => s, s => a.Pollers[s].Polls);
        await RenewalPeriodAsync(a);
        await RenewalPeriodAsync(a);

        Assert.Equal(_sites, a.Membership.OwnedSites);
        Assert.All(sitesOfB, site => Assert.True(a.Pollers[site].Polls > polledBefore[site], $"a polls {site} after taking it over"));
    }

    [Fact]
    public async Task A_composed_fleet_service_reports_its_leases_at_api_fleet_and_in_metrics()
    {
        var config = new EnergyTapConfig
        {
            Server = new ServerConfig { Listen = "127.0.0.1:0" },
            Storage = new StorageConfig { Provider = "postgres", Postgres = _database },
            Fleet = new FleetConfig { Enabled = true, InstanceId = "pi-garage", LeaseSeconds = 30 },
            // Nothing listens on port 1: polls fail quickly, which is all this test needs.
            Sites = [.. _sites.Select(s => new SiteConfig { Id = s, Agates = [new AgateConfig { Host = "127.0.0.1", Port = 1 }] })],
        };
        Assert.Empty(ConfigValidator.Validate(config));
        using var revertDirectory = new Infrastructure.TempDirectory();
        var (parts, listen) = await ServiceComposer.ComposeAsync(config,
            new ComposeOptions { Time = _time, RevertStorePath = Path.Combine(revertDirectory.Path, "reverts.json") }, default);
        var service = await EnergyTapService.StartAsync(parts, listen, default);
        _running.Add(service);
        using var http = new HttpClient { BaseAddress = service.Url, Timeout = TimeSpan.FromSeconds(60) };

        var fleet = await http.GetFromJsonAsync<JsonElement>("api/fleet");
        var metrics = await http.GetStringAsync("metrics");

        Assert.Equal("pi-garage", fleet.GetProperty("instance").GetString());
        Assert.Equal(30, fleet.GetProperty("leaseSeconds").GetDouble());
        Assert.Equal(_sites, fleet.GetProperty("ownedSites").EnumerateArray().Select(e => e.GetString()));
        Assert.All(fleet.GetProperty("sites").EnumerateArray(), s => Assert.Equal("pi-garage", s.GetProperty("owner").GetString()));
        Assert.Contains("energytap_fleet_sites_owned{instance=\"pi-garage\"} 4", metrics);
    }
}
