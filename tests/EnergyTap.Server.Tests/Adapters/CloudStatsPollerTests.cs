using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.Server.Adapters;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;
using EnergyTap.Simulators.Cloud;

namespace EnergyTap.Server.Tests.Adapters;

/// <summary>The cloud poller's readings against the cloud simulator.</summary>
public sealed class CloudStatsPollerTests : IAsyncLifetime
{
    private const string Gw1 = "10060006A0SIM0000001";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private CloudSimulator _cloud = null!;
    private FranklinCloudClient _client = null!;

    public async Task InitializeAsync()
    {
        _cloud = new CloudSimulator(new CloudSimulatorOptions { TimeProvider = _clock, MinStatsInterval = TimeSpan.Zero });
        var baseUri = await _cloud.StartAsync();
        _client = new FranklinCloudClient(new FranklinCloudOptions
        {
            BaseUri = baseUri,
            Credentials = _ => ValueTask.FromResult(new CloudCredentials(SimulatedAccount.DemoEmail, SimulatedAccount.DemoPassword)),
            TimeProvider = _clock,
            MinRequestInterval = TimeSpan.Zero,
            StatsInterval = TimeSpan.Zero,
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cloud.DisposeAsync();
    }

    private CloudStatsPoller Poller(string? gatewayId) => new(
        new DeviceDescriptor("home", "cloud", DeviceKind.FranklinCloud, "FranklinWH cloud", "FranklinWH", "aGate"), _client, gatewayId, TimeSpan.FromSeconds(30), _clock);

    [Fact]
    public async Task Grid_connected_is_1_on_the_grid_and_0_during_an_outage()
    {
        var poller = Poller(Gw1);

        var on = (await poller.PollAsync(CancellationToken.None)).Single(r => r.Quantity == "grid_connected");
        _cloud.SetOffGrid(Gw1, true);
        var off = (await poller.PollAsync(CancellationToken.None)).Single(r => r.Quantity == "grid_connected");

        Assert.Equal((1.0, "", ReadingQuality.Fresh), (on.Value, on.Unit, on.Quality));
        Assert.Equal((0.0, "", ReadingQuality.Fresh), (off.Value, off.Unit, off.Quality));
    }

    [Fact]
    public async Task A_gateway_id_in_another_case_is_polled_under_the_accounts_spelling()
    {
        var poller = Poller(Gw1.ToLowerInvariant());

        var readings = await poller.PollAsync(CancellationToken.None);

        Assert.Contains(readings, r => r.Quantity == "solar_power" && r.Quality == ReadingQuality.Fresh);
        Assert.Equal(1, _cloud.RequestCount("getDeviceCompositeInfo"));
    }
}
