using EnergyTap.Server.Readings;
using EnergyTap.Simulators.Pvs;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static EnergyTap.Server.Tests.Faults.FaultSite;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>
/// A PVS that hangs, answers 503 for minutes, reboots or changes firmware generation, while the aGate and the
/// cloud of the same site keep being served; afterwards the PVS comes back on its own, without a restart.
/// </summary>
public sealed class PvsFaultTests(ITestOutputHelper output)
{
    private const string DeviceList = "devicelist";
    private const string LiveData = "livedata";

    [Fact]
    public async Task A_hanging_pvs_times_out_goes_missing_backs_off_and_recovers_while_the_rest_is_served()
    {
        await using var site = await StartAsync();
        var before = site.Latest(PvsId, "solar_power")!;
        var requestsBefore = site.Pvs.Requests.Total;
        site.Pvs.Hanging = true;
        var start = site.Clock.GetUtcNow();

        // While the DeviceList request hangs, the last reading stays as it was: old, not yet missing.
        await site.RunUntilAsync(() => site.Pvs.Requests.Total > requestsBefore, TimeSpan.FromMinutes(10), "a request to the hanging PVS", hanging: PvsId);
        Assert.Equal(before.Time, site.Latest(PvsId, "solar_power")!.Time);
        Assert.Equal(ReadingQuality.Fresh, site.Latest(PvsId, "solar_power")!.Quality);

        // After the request timeout (on the service clock) the poll fails and the readings become missing.
        await site.RunUntilAsync(() => Poller(site, DeviceList).ConsecutiveFailures >= 1, TimeSpan.FromMinutes(5), "the hung poll to fail", hanging: PvsId);
        await site.AssertReadingsMissingAsync(PvsId);
        var health = await site.HealthApiAsync();
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var pvs = PollerIn(health, PvsId, DeviceList);
        Assert.False(pvs.GetProperty("up").GetBoolean());
        Assert.Contains("did not answer", pvs.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // It keeps hanging: retries get further apart, and never pile up on the PVS.
        await site.RunUntilAsync(() => Poller(site, DeviceList).ConsecutiveFailures >= 3, TimeSpan.FromMinutes(30), "three failures in a row", hanging: PvsId);
        var third = Poller(site, DeviceList);
        Assert.True(third.NextPoll - third.LastAttempt >= TimeSpan.FromMinutes(8),
            $"after 3 failures the next DeviceList should wait at least 4 intervals, waits {third.NextPoll - third.LastAttempt}");
        var hangEnded = site.Clock.GetUtcNow();
        output.WriteLine($"{site.Pvs.Requests.Total - requestsBefore} requests reached the hanging PVS in {hangEnded - start}");
        Assert.True(site.Pvs.Requests.Total - requestsBefore <= 4, $"{site.Pvs.Requests.Total - requestsBefore} requests reached the hanging PVS");
        Assert.Equal(1, site.Pvs.Requests.MaxConcurrent);
        site.AssertOthersKeptServing(PvsId, start, hangEnded);

        site.Pvs.Hanging = false;
        await site.RunUntilAsync(() => site.Recovered(PvsId, "solar_power"), TimeSpan.FromMinutes(31), "the PVS to be read again");
        var after = site.Latest(PvsId, "solar_power")!;
        Assert.Equal(ReadingQuality.Fresh, after.Quality);
        Assert.True(after.Time > hangEnded);
        Assert.True(PollerIn(await site.HealthApiAsync(), PvsId, DeviceList).GetProperty("up").GetBoolean());
        site.WriteLogTo(output);
        site.AssertNoOverlapAndNoErrors();
    }

    [Fact]
    public async Task Minutes_of_503_are_met_with_backoff_not_hammering_and_the_restarted_pvs_is_read_again()
    {
        await using var site = await StartAsync(PvsFirmware.Varserver);
        await site.RunAsync(TimeSpan.FromMinutes(1));
        var normalRate = site.Pvs.Requests.Total; // about a minute of healthy polling (plus the start)
        var uptimeBefore = site.Latest(PvsId, "supervisor_uptime")!.Value!.Value;
        var requestsBefore = site.Pvs.Requests.Total;
        var start = site.Clock.GetUtcNow();

        site.Pvs.Reboot(); // 503 "No server is available" for OutageDuration, then a restart
        await site.RunUntilAsync(() => !site.Pvs.IsDown, StormLength + TimeSpan.FromSeconds(5), "the 503 storm to end");
        var stormEnded = site.Clock.GetUtcNow();
        var duringStorm = site.Pvs.Requests.Total - requestsBefore;

        output.WriteLine($"{duringStorm} requests during {StormLength.TotalMinutes} minutes of 503; healthy polling: {normalRate} in the first minute");
        Assert.True(duringStorm <= 10,
            $"{duringStorm} requests in {StormLength.TotalMinutes} minutes of 503 (healthy polling sends about {normalRate} a minute)");
        Assert.Equal(1, site.Pvs.Requests.MaxConcurrent);
        var live = Poller(site, LiveData);
        Assert.False(live.Up);
        Assert.True(live.LastError!.Contains("answered 503", StringComparison.Ordinal) || live.LastError.Contains("not asking it again", StringComparison.Ordinal), live.LastError);
        Assert.True(live.NextPoll - live.LastAttempt > TimeSpan.FromSeconds(60), "livedata backs off far beyond its 10 s interval");
        await site.AssertReadingsMissingAsync(PvsId);
        site.AssertOthersKeptServing(PvsId, start, stormEnded);

        // The PVS came back restarted: sessions gone, uptime low. The client logs in again by itself.
        await site.RunUntilAsync(() => site.Recovered(PvsId, "solar_power") && site.Latest(PvsId, "supervisor_uptime")?.Value < uptimeBefore,
            TimeSpan.FromMinutes(31), "the restarted PVS to be read again");
        Assert.Equal(ReadingQuality.Fresh, site.Latest(PvsId, "solar_power")!.Quality);
        Assert.Contains(site.Logs.At(LogLevel.Warning), l => l.Contains("PVS restarted", StringComparison.Ordinal));
        site.WriteLogTo(output);
        site.AssertNoOverlapAndNoErrors();
    }

    [Fact]
    public async Task A_rebooting_pvs_refuses_connections_then_comes_back_with_a_fresh_uptime()
    {
        await using var site = await StartAsync();
        var uptimeBefore = site.Latest(PvsId, "supervisor_uptime")!.Value!.Value;
        var start = site.Clock.GetUtcNow();

        await site.PowerOffPvsAsync();
        await site.RunUntilAsync(() => Poller(site, DeviceList).ConsecutiveFailures >= 2, TimeSpan.FromMinutes(15), "polls of the PVS to fail");
        var offline = site.Clock.GetUtcNow();
        Assert.Contains("cannot reach the PVS", Poller(site, DeviceList).LastError, StringComparison.Ordinal);
        await site.AssertReadingsMissingAsync(PvsId);
        site.AssertOthersKeptServing(PvsId, start, offline);

        // The store has the gap as a gap (null values), and the aGate's readings kept flowing into it.
        var pvsHistory = await site.HistoryApiAsync(PvsId, "solar_power", start, offline);
        Assert.Contains(pvsHistory, p => p.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Null);
        var agateHistory = await site.HistoryApiAsync(AgateId, "battery_soc", start, offline);
        Assert.True(agateHistory.Count(p => p.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Number) >= (offline - start) / TimeSpan.FromSeconds(6),
            $"{agateHistory.Count} aGate readings stored while the PVS was off");

        await site.PowerOnPvsAsync(PvsFirmware.Legacy, uptime: TimeSpan.FromSeconds(90));
        await site.RunUntilAsync(() => site.Recovered(PvsId, "supervisor_uptime"), TimeSpan.FromMinutes(31), "the rebooted PVS to be read again");
        var uptime = site.Latest(PvsId, "supervisor_uptime")!;
        Assert.Equal(ReadingQuality.Fresh, uptime.Quality);
        Assert.True(uptime.Value < uptimeBefore, $"uptime {uptime.Value} s should restart below {uptimeBefore} s");
        Assert.Equal(ReadingQuality.Fresh, site.Latest(PvsId, "solar_power")!.Quality);
        site.WriteLogTo(output);
        site.AssertNoOverlapAndNoErrors();
    }

    [Fact]
    public async Task A_firmware_update_to_the_localapi_is_detected_and_logged_into_without_a_restart()
    {
        await using var site = await StartAsync(PvsFirmware.Legacy);

        // The update reboots the PVS into varserver firmware: legacy commands now answer 403.
        await site.PowerOffPvsAsync();
        await site.RunAsync(TimeSpan.FromMinutes(2));
        await site.PowerOnPvsAsync(PvsFirmware.Varserver, uptime: TimeSpan.FromSeconds(120));
        var updated = site.Clock.GetUtcNow();

        await site.RunUntilAsync(() => site.Recovered(PvsId, "solar_power") && site.HealthOf(PvsId).All(h => h.LastSuccess > updated) && site.Pvs.Requests[PvsRequestCounters.VarsCache] > 0,
            TimeSpan.FromMinutes(31), "the PVS to be read through the LocalAPI");
        Assert.True(site.Pvs.Requests[PvsRequestCounters.Login] >= 1, "the client logged in to the LocalAPI");
        Assert.True(site.Pvs.Requests[PvsRequestCounters.DeviceListCommand] <= 2,
            $"{site.Pvs.Requests[PvsRequestCounters.DeviceListCommand]} legacy DeviceList commands after the update: the client should re-detect at once");
        var solar = site.Latest(PvsId, "solar_power")!;
        Assert.Equal(ReadingQuality.Fresh, solar.Quality);
        Assert.True(solar.Time > updated);
        site.WriteLogTo(output);
        site.AssertNoOverlapAndNoErrors();
    }

    private static readonly TimeSpan StormLength = FaultSite.PvsOutage;

    private static Polling.PollerHealth Poller(FaultSite site, string dataClass) =>
        site.HealthOf(PvsId).Single(h => h.DataClass == dataClass);
}
