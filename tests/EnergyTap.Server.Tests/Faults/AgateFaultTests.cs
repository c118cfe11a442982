using EnergyTap.Server.Readings;
using Xunit.Abstractions;
using static EnergyTap.Server.Tests.Faults.FaultSite;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>An aGate whose Modbus link breaks mid-answer and then refuses connections for a while.</summary>
public sealed class AgateFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_connection_cut_mid_frame_then_refused_fails_polls_cleanly_and_reconnects_by_itself()
    {
        await using var site = await StartAsync();
        var start = site.Clock.GetUtcNow();

        // Half a Modbus response arrives, then the connection is reset.
        site.AgateLink.CutNextAnswerMidway();
        await site.RunUntilAsync(() => Agate(site).ConsecutiveFailures >= 1, TimeSpan.FromMinutes(1), "the cut poll to fail");
        Assert.Equal(1, site.AgateLink.AnswersCut);
        Assert.Contains("connection", Agate(site).LastError, StringComparison.OrdinalIgnoreCase);
        await site.AssertReadingsMissingAsync(AgateId);

        // The aGate is rebooting: nothing listens for a while.
        await site.AgateLink.RefuseConnectionsAsync();
        await site.RunAsync(TimeSpan.FromMinutes(2));
        var refusedUntil = site.Clock.GetUtcNow();
        var agate = Agate(site);
        Assert.False(agate.Up);
        Assert.True(agate.ConsecutiveFailures >= 3, $"{agate.ConsecutiveFailures} failures in 2 minutes");
        Assert.True(agate.NextPoll - agate.LastAttempt >= TimeSpan.FromSeconds(40),
            $"after {agate.ConsecutiveFailures} failures the 5 s poll should back off, waits {agate.NextPoll - agate.LastAttempt}");
        await site.AssertReadingsMissingAsync(AgateId);
        var health = PollerIn(await site.HealthApiAsync(), AgateId, "modbus");
        Assert.False(health.GetProperty("up").GetBoolean());
        Assert.False(string.IsNullOrEmpty(health.GetProperty("lastError").GetString()));
        site.AssertOthersKeptServing(AgateId, start, refusedUntil);

        // Back on the network: the next poll reconnects (the Modbus client's reconnect pause runs on real time).
        await site.AgateLink.AcceptConnectionsAsync();
        await site.RunUntilAsync(() => site.Recovered(AgateId, "battery_soc"), TimeSpan.FromMinutes(30), "the aGate to be read again", realPace: TimeSpan.FromMilliseconds(20));
        var soc = site.Latest(AgateId, "battery_soc")!;
        Assert.Equal(ReadingQuality.Fresh, soc.Quality);
        Assert.True(soc.Time > refusedUntil);
        Assert.Equal(site.Agate.SocPercent, soc.Value!.Value, 0);
        site.WriteLogTo(output);
        site.AssertNoOverlapAndNoErrors();
    }

    private static Polling.PollerHealth Agate(FaultSite site) => site.HealthOf(AgateId).Single();
}
