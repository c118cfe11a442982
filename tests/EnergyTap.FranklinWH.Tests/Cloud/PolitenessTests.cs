using System.Net;
using System.Net.Sockets;
using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.FranklinWH.Cloud.Http;

namespace EnergyTap.FranklinWH.Tests.Cloud;

public class PolitenessTests
{
    [Fact]
    public async Task Stats_for_one_gateway_are_spaced_by_the_configured_interval()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client(o => o with { StatsInterval = TimeSpan.FromSeconds(10) });
        await client.GetStatsAsync(CloudTestBed.Gw1);

        var second = client.GetStatsAsync(CloudTestBed.Gw1);
        var otherGateway = await client.GetStatsAsync(CloudTestBed.Gw2); // not held back by Gw1's pacing
        await Task.Delay(200);
        var countWhileWaiting = bed.Simulator.RequestCount("getDeviceCompositeInfo");
        bed.Time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(100);
        var stillWaiting = !second.IsCompleted;
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        var stats = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(otherGateway.IsStale);
        Assert.Equal(2, countWhileWaiting);
        Assert.True(stillWaiting);
        Assert.False(stats.IsStale);
        Assert.Equal(3, bed.Simulator.RequestCount("getDeviceCompositeInfo"));
    }

    [Fact]
    public void Default_stats_interval_is_the_apps_10_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(10), new FranklinCloudOptions().StatsInterval);

    [Fact]
    public async Task A_429_is_waited_out_for_its_Retry_After_then_retried()
    {
        await using var bed = await CloudTestBed.StartAsync(o => o with { MinStatsInterval = TimeSpan.FromSeconds(5) });
        var client = bed.Client();
        var start = bed.Time.GetUtcNow();
        await client.GetStatsAsync(CloudTestBed.Gw1);

        var stats = await bed.DriveAsync(client.GetStatsAsync(CloudTestBed.Gw1));

        Assert.False(stats.IsStale);
        Assert.Equal(1, bed.Simulator.RequestCount("429"));
        Assert.Equal(3, bed.Simulator.RequestCount("getDeviceCompositeInfo"));
        Assert.InRange(bed.Time.GetUtcNow() - start, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_limit_fails_instead_of_blocking()
    {
        await using var bed = await CloudTestBed.StartAsync(o => o with { MinStatsInterval = TimeSpan.FromMinutes(10) });
        var client = bed.Client();
        await client.GetStatsAsync(CloudTestBed.Gw1);

        var ex = await Assert.ThrowsAsync<CloudRateLimitedException>(() => client.GetStatsAsync(CloudTestBed.Gw1));

        Assert.Equal(429, ex.Code);
        Assert.Equal(TimeSpan.FromMinutes(10), ex.RetryAfter);
        Assert.Equal(1, bed.Simulator.RequestCount("429"));
    }

    [Fact]
    public async Task Requests_time_out_instead_of_hanging()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync(); // accepts, never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var client = new FranklinCloudClient(new FranklinCloudOptions
        {
            BaseUri = new Uri($"http://127.0.0.1:{port}/"),
            Credentials = _ => ValueTask.FromResult(new CloudCredentials("a@b", "c")),
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            MaxRetries = 0,
        });

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.LoginAsync()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("no answer within", ex.Message, StringComparison.Ordinal);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task Failed_reads_back_off_and_retry_but_writes_are_not_repeated()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        silent.Stop(); // nothing listens: connection refused
        var store = new InMemoryCloudTokenStore();
        await store.SaveAsync(new CloudToken("a@b", "t"), default);
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        using var client = new FranklinCloudClient(new FranklinCloudOptions
        {
            BaseUri = new Uri($"http://127.0.0.1:{port}/"),
            TokenStore = store,
            TimeProvider = time,
            MinRequestInterval = TimeSpan.Zero,
            MaxRetries = 2,
            BackoffBase = TimeSpan.FromSeconds(1),
            Jitter = new Random(1),
        });

        var read = client.GetGatewaysAsync();
        for (var i = 0; i < 300 && !read.IsCompleted; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.InRange(time.GetUtcNow() - DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(200));
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.SetGeneratorModeAsync("GW", EnergyTap.FranklinWH.Cloud.Generator.GeneratorMode.Auto).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
