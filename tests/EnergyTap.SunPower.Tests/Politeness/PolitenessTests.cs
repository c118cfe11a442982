using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Tests.Support;

namespace EnergyTap.SunPower.Tests.Politeness;

public class PolitenessTests
{
    private static readonly DateTimeOffset Noon = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("12:04:50", "12:06:50")] // the minimum age wins
    [InlineData("12:00:10", "12:05:20")] // fresh until just after the PVS's next 5-minute refresh
    [InlineData("12:03:30", "12:05:30")]
    public void DeviceList_window_follows_the_five_minute_cadence(string fetched, string expires)
    {
        var window = new PolitenessOptions().DeviceList;
        var at = DateTimeOffset.Parse("2025-07-01T" + fetched + "Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse("2025-07-01T" + expires + "Z", System.Globalization.CultureInfo.InvariantCulture), window.ExpiresAt(at));
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap_and_resets_on_success()
    {
        var backoff = new BackoffState(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
        Assert.Equal(Noon.AddSeconds(30), backoff.RecordFailure(Noon));
        Assert.Equal(Noon.AddSeconds(60), backoff.RecordFailure(Noon));
        Assert.Equal(Noon.AddSeconds(120), backoff.RecordFailure(Noon));
        Assert.Equal(Noon.AddSeconds(120), backoff.RecordFailure(Noon));
        Assert.Equal(Noon.AddSeconds(120), backoff.BlockedUntil(Noon.AddSeconds(10)));
        Assert.Null(backoff.BlockedUntil(Noon.AddSeconds(121)));
        backoff.RecordSuccess();
        Assert.Equal(0, backoff.ConsecutiveFailures);
        Assert.Null(backoff.BlockedUntil(Noon));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch_and_the_window_is_respected()
    {
        var time = new ManualTimeProvider(Noon);
        var cache = new SingleFlightCache<string, int>(time);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetches = 0;
        Task<int> Fetch(CancellationToken _)
        {
            Interlocked.Increment(ref fetches);
            return release.Task;
        }

        var callers = Enumerable.Range(0, 200)
            .Select(_ => cache.GetAsync("k", Fetch, (_, at) => at.AddSeconds(10), TimeSpan.Zero, CancellationToken.None))
            .ToList();
        release.SetResult(42);
        var results = await Task.WhenAll(callers);
        Assert.Equal(1, fetches);
        Assert.All(results, r => Assert.Equal(42, r.Value));

        var hit = await cache.GetAsync("k", _ => Task.FromResult(7), (_, at) => at.AddSeconds(10), TimeSpan.Zero, CancellationToken.None);
        Assert.True(hit.FromCache);
        Assert.Equal(42, hit.Value);

        time.Advance(TimeSpan.FromSeconds(11));
        var fresh = await cache.GetAsync("k", _ => Task.FromResult(7), (_, at) => at.AddSeconds(10), TimeSpan.Zero, CancellationToken.None);
        Assert.False(fresh.FromCache);
        Assert.Equal(7, fresh.Value);
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_cancel_the_shared_fetch()
    {
        var cache = new SingleFlightCache<string, int>(new ManualTimeProvider(Noon));
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var impatient = new CancellationTokenSource();
        var first = cache.GetAsync("k", _ => release.Task, (_, at) => at.AddSeconds(10), TimeSpan.Zero, impatient.Token);
        var second = cache.GetAsync("k", _ => release.Task, (_, at) => at.AddSeconds(10), TimeSpan.Zero, CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult(5);
        Assert.Equal(5, (await second).Value);
    }

    [Fact]
    public async Task A_failed_refresh_serves_the_stale_answer_within_its_allowance()
    {
        var time = new ManualTimeProvider(Noon);
        var cache = new SingleFlightCache<string, int>(time);
        await cache.GetAsync("k", _ => Task.FromResult(1), (_, at) => at.AddSeconds(10), TimeSpan.Zero, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        Task<int> Failing(CancellationToken _) => Task.FromException<int>(new PvsUnavailableException("503"));

        var stale = await cache.GetAsync("k", Failing, (_, at) => at.AddSeconds(10), TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.True(stale.Stale);
        Assert.Equal(1, stale.Value);
        await Assert.ThrowsAsync<PvsUnavailableException>(() => cache.GetAsync("k", Failing, (_, at) => at.AddSeconds(10), TimeSpan.Zero, CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(10));
        await Assert.ThrowsAsync<PvsUnavailableException>(() => cache.GetAsync("k", Failing, (_, at) => at.AddSeconds(10), TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task The_gate_runs_one_request_at_a_time_with_a_pause_between()
    {
        var time = new ManualTimeProvider(Noon);
        var gate = new PoliteGate(time, TimeSpan.FromSeconds(2), new BackoffState(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
        var started = new List<DateTimeOffset>();
        Task<int> Request(CancellationToken _)
        {
            lock (started)
            {
                started.Add(time.GetUtcNow());
            }

            return Task.FromResult(0);
        }

        await gate.RunAsync(Request, CancellationToken.None);
        var second = gate.RunAsync(Request, CancellationToken.None);
        await WaitUntil(() => time.ArmedTimers > 0);
        Assert.Single(started); // parked on the minimum interval
        time.Advance(TimeSpan.FromSeconds(2));
        await second;
        Assert.Equal([Noon, Noon.AddSeconds(2)], started);
    }

    [Fact]
    public async Task The_gate_refuses_at_once_while_backing_off()
    {
        var time = new ManualTimeProvider(Noon);
        var backoff = new BackoffState(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        var gate = new PoliteGate(time, TimeSpan.Zero, backoff);
        backoff.RecordFailure(Noon);
        var calls = 0;
        var error = await Assert.ThrowsAsync<PvsUnavailableException>(() => gate.RunAsync(_ => Task.FromResult(++calls), CancellationToken.None));
        Assert.Equal(Noon.AddSeconds(30), error.RetryAfter);
        Assert.Equal(0, calls);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await gate.RunAsync(_ => Task.FromResult(++calls), CancellationToken.None));
    }

    [Fact]
    public void Reboots_are_seen_when_uptime_goes_down()
    {
        var detector = new RebootDetector();
        Assert.False(detector.Observe(85428, Noon));
        Assert.False(detector.Observe(85728, Noon.AddMinutes(5)));
        Assert.True(detector.Observe(40, Noon.AddMinutes(10)));
        Assert.Equal(1, detector.RebootsDetected);
        Assert.Equal(Noon.AddMinutes(10).AddSeconds(-40), detector.LastRebootAt);
    }

    [Fact]
    public void Missing_inverters_are_reprobed_with_growing_pauses()
    {
        var roster = new InverterRoster(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));
        Assert.Empty(roster.Observe(["A", "B", "C"]));
        Assert.Null(roster.ReprobeAt(Noon));
        Assert.Equal(["B"], roster.Observe(["A", "C"]));
        Assert.Equal(Noon.AddMinutes(5), roster.ReprobeAt(Noon));
        roster.Observe(["A", "C"]);
        Assert.Equal(Noon.AddMinutes(10), roster.ReprobeAt(Noon));
        roster.Observe(["A", "C"]);
        Assert.Equal(Noon.AddMinutes(15), roster.ReprobeAt(Noon));
        Assert.Empty(roster.Observe(["A", "B", "C"]));
        Assert.Null(roster.ReprobeAt(Noon));
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, limit.Token);
        }
    }
}
