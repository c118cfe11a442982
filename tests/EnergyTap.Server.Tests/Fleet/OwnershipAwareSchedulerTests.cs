using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Polling;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Tests.Service;
using Eventually = EnergyTap.Server.Tests.Service.Eventually;

namespace EnergyTap.Server.Tests.Fleet;

public sealed class OwnershipAwareSchedulerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly LatestReadings _latest = new();

    private FakePoller Poller(string site)
    {
        var poller = new FakePoller(site, "agate", TimeSpan.FromSeconds(10));
        poller.Behaviour = (n, _) => Task.FromResult<IReadOnlyList<Reading>>([poller.Power(n, _time.GetUtcNow())]);
        return poller;
    }

    [Fact]
    public async Task Sites_leased_elsewhere_are_not_polled_and_count_no_failure_until_this_instance_gets_them()
    {
        var mine = Poller("north");
        var theirs = Poller("south");
        var ownership = new SettableOwnership("a", "north");
        ownership.TakeAway("south", to: "b");
        await using var hub = new ReadingHub([_latest]);
        await using var scheduler = new PollScheduler([mine, theirs], hub, _time, ownership: ownership);
        scheduler.Start();
        await Eventually.TrueAsync(() => _time.ArmedTimers == 2, "both loops past their first turn and waiting");

        await _time.AdvanceAsync(TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => mine.Polls == 4, "north polled at 0, 10, 20 and 30 s");

        Assert.Equal(0, theirs.Polls);
        Assert.Null(_latest.Get("south", "agate", "battery_power"));
        var south = scheduler.Health.Single(h => h.Site == "south");
        Assert.False(south.Owned);
        Assert.Equal("b", south.LeasedTo);
        Assert.Equal(0, south.Failures);
        Assert.True(scheduler.Health.Single(h => h.Site == "north").Owned);

        ownership.Give("south");
        ownership.TakeAway("north", to: "b");
        await _time.AdvanceAsync(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => theirs.Polls >= 1 && scheduler.Health.Single(h => h.Site == "south").Owned, "south polled once it is ours");

        Assert.Equal(4, mine.Polls);
        Assert.False(scheduler.Health.Single(h => h.Site == "north").Owned);
        await Eventually.TrueAsync(() => _latest.Get("north", "agate", "battery_power")?.Quality == ReadingQuality.Missing,
            "north's last value marked missing here once it is polled elsewhere");
    }
}
