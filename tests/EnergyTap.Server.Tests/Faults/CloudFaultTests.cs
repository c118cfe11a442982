using EnergyTap.Server.Readings;
using EnergyTap.Simulators.Cloud;
using Xunit.Abstractions;
using static EnergyTap.Server.Tests.Faults.FaultSite;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>A FranklinWH cloud that stops answering or answers 5xx, while the local devices keep being read.</summary>
public sealed class CloudFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_hanging_cloud_times_out_without_stalling_the_local_devices_and_recovers()
    {
        await using var site = await StartAsync();
        var start = site.Clock.GetUtcNow();
        site.Cloud.Outage = CloudOutage.Hang;

        await site.RunUntilAsync(() => Cloud(site).ConsecutiveFailures >= 2, TimeSpan.FromMinutes(10), "cloud polls to time out", hanging: CloudId);
        var hung = site.Clock.GetUtcNow();
        var cloud = Cloud(site);
        Assert.Contains("no answer within", cloud.LastError, StringComparison.Ordinal);
        await site.AssertReadingsMissingAsync(CloudId);
        var requests = site.Cloud.RequestCount("outage");
        output.WriteLine($"{requests} requests for {cloud.ConsecutiveFailures} timed-out polls");
        Assert.True(requests <= 4 * cloud.ConsecutiveFailures, $"{requests} requests for {cloud.ConsecutiveFailures} polls (each may try 4 times)");
        site.AssertOthersKeptServing(CloudId, start, hung);

        site.Cloud.Outage = CloudOutage.None;
        await site.RunUntilAsync(() => site.Recovered(CloudId, "solar_power"), TimeSpan.FromMinutes(15), "the cloud to be read again", hanging: CloudId);
        Assert.Equal(ReadingQuality.Fresh, site.Latest(CloudId, "solar_power")!.Quality);
        site.WriteLogTo(output);
        site.AssertNoOverlapAndNoErrors();
    }

    [Fact]
    public async Task Minutes_of_cloud_5xx_back_off_and_recover()
    {
        await using var site = await StartAsync();
        var start = site.Clock.GetUtcNow();
        site.Cloud.Outage = CloudOutage.ServerError;

        await site.RunAsync(TimeSpan.FromMinutes(5), CloudId); // its polls sit in retry delays on the clock
        var end = site.Clock.GetUtcNow();
        var cloud = Cloud(site);
        Assert.False(cloud.Up);
        Assert.Contains("503", cloud.LastError, StringComparison.Ordinal);
        await site.AssertReadingsMissingAsync(CloudId);
        var health = PollerIn(await site.HealthApiAsync(), CloudId, "stats");
        Assert.False(health.GetProperty("up").GetBoolean());
        Assert.Equal(0, await site.MetricAsync($"energytap_reading_up{{site=\"{SiteId}\",device=\"{CloudId}\",quantity=\"solar_power\"}}"));
        Assert.Equal(1, await site.MetricAsync($"energytap_reading_up{{site=\"{SiteId}\",device=\"{AgateId}\",quantity=\"solar_power\"}}"));
        Assert.True(await site.MetricAsync($"energytap_device_poll_errors_total{{site=\"{SiteId}\",device=\"{CloudId}\"}}") >= 3);

        // Polled every 30 s with up to 3 retries, 5 minutes would be 40 requests; the backoff keeps it far lower.
        var requests = site.Cloud.RequestCount("outage");
        output.WriteLine($"{requests} requests reached the cloud in 5 minutes of 503");
        Assert.True(requests <= 20, $"{requests} requests reached the failing cloud in 5 minutes");
        Assert.True(cloud.NextPoll - cloud.LastAttempt >= TimeSpan.FromMinutes(2), $"the next poll waits only {cloud.NextPoll - cloud.LastAttempt}");
        site.AssertOthersKeptServing(CloudId, start, end);

        site.Cloud.Outage = CloudOutage.None;
        await site.RunUntilAsync(() => site.Recovered(CloudId, "solar_power"), TimeSpan.FromMinutes(15), "the cloud to be read again", hanging: CloudId);
        var solar = site.Latest(CloudId, "solar_power")!;
        Assert.Equal(ReadingQuality.Fresh, solar.Quality);
        site.WriteLogTo(output);
        site.AssertNoOverlapAndNoErrors();
    }

    private static Polling.PollerHealth Cloud(FaultSite site) => site.HealthOf(CloudId).Single();
}
