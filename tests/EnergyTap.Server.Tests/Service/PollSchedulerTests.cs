using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Polling;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Tests.Service;

public class PollSchedulerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly LatestReadings _latest = new();

    [Fact]
    public async Task Polls_each_device_at_start_and_then_once_per_interval()
    {
        var poller = new FakePoller("home", "agate", TimeSpan.FromSeconds(5));
        poller.Behaviour = (n, _) => Task.FromResult<IReadOnlyList<Reading>>([poller.Power(n * 100, _time.GetUtcNow())]);
        await using var hub = new ReadingHub([_latest]);
        await using var scheduler = new PollScheduler([poller], hub, _time);
        scheduler.Start();

        await _time.AdvanceAsync(TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(1));

        // Polls at 0, 5, 10 and 15 s.
        await Eventually.TrueAsync(() => _latest.Get("home", "agate", "battery_power")?.Value == 400, "fourth poll's reading");
        Assert.Equal(4, poller.Polls);
        Assert.True(scheduler.Health.Single().Up);
    }

    [Fact]
    public async Task A_failing_device_turns_its_series_missing_and_backs_off_without_stalling_others()
    {
        var healthy = new FakePoller("home", "pvs", TimeSpan.FromSeconds(10));
        healthy.Behaviour = (n, _) => Task.FromResult<IReadOnlyList<Reading>>([healthy.Power(n, _time.GetUtcNow())]);
        var flaky = new FakePoller("home", "agate", TimeSpan.FromSeconds(10));
        flaky.Behaviour = (n, _) => n == 1
            ? Task.FromResult<IReadOnlyList<Reading>>([flaky.Power(500, _time.GetUtcNow())])
            : throw new IOException("connection refused");
        await using var hub = new ReadingHub([_latest]);
        await using var scheduler = new PollScheduler([healthy, flaky], hub, _time);
        scheduler.Start();

        // The flaky one polls at 0 s (ok), 10 s (fail), then waits 10, 20 and 40 s: 20 s, 40 s, 80 s.
        await _time.AdvanceAsync(TimeSpan.FromSeconds(95), TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => healthy.Polls == 10, "the healthy device kept its 10 s schedule");
        Assert.Equal(5, flaky.Polls);
        var series = _latest.Get("home", "agate", "battery_power");
        Assert.NotNull(series);
        Assert.Equal(ReadingQuality.Missing, series.Quality);
        Assert.Null(series.Value);
        var health = scheduler.Health.Single(h => h.Device == "agate");
        Assert.False(health.Up);
        Assert.Equal(4, health.ConsecutiveFailures);
        Assert.Equal("connection refused", health.LastError);
    }

    [Fact]
    public async Task A_hanging_device_times_out_and_is_never_polled_twice_at_once()
    {
        var hanging = new FakePoller("home", "pvs", TimeSpan.FromSeconds(5), timeout: TimeSpan.FromSeconds(3));
        hanging.Behaviour = (_, _) => new TaskCompletionSource<IReadOnlyList<Reading>>().Task; // ignores cancellation
        await using var hub = new ReadingHub([_latest]);
        await using var scheduler = new PollScheduler([hanging], hub, _time);
        scheduler.Start();

        await _time.AdvanceAsync(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => scheduler.Health.Single().Failures >= 2, "timeouts recorded");
        Assert.Equal(1, hanging.Polls);
        Assert.Equal(1, hanging.MaxConcurrent);
        Assert.Contains("not finished", scheduler.Health.Single().LastError);
    }

    [Fact]
    public void Backoff_starts_at_the_interval_and_doubles_up_to_the_cap()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)) { MaxBackoff = TimeSpan.FromSeconds(60) };

        Assert.Equal(TimeSpan.FromSeconds(10), schedule.BackoffAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(20), schedule.BackoffAfter(2));
        Assert.Equal(TimeSpan.FromSeconds(40), schedule.BackoffAfter(3));
        Assert.Equal(TimeSpan.FromSeconds(60), schedule.BackoffAfter(4));
        Assert.Equal(TimeSpan.FromSeconds(60), schedule.BackoffAfter(400));
    }
}
