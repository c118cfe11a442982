using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Control;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Tests.Service;

public class CommandSupervisorTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly FakeBattery _battery = new();
    private readonly MemoryJournal _journal = new();

    private CommandSupervisor NewSupervisor() => new([_battery], _journal, _time);

    private static BatteryCommandRequest Charge(double watts, int seconds = 60) =>
        new("home", "agate", BatteryCommandKind.Charge, watts, TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task Refuses_power_beyond_the_rating_without_writing_anything()
    {
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);

        var error = await Assert.ThrowsAsync<ControlRefusedException>(() => supervisor.IssueAsync(Charge(6000), "test", default));

        Assert.Contains("5000 W", error.Message);
        Assert.Empty(_battery.Writes);
        Assert.Empty(_journal.Issued);
    }

    [Fact]
    public async Task Refuses_a_discharge_at_or_below_the_reserve()
    {
        _battery.Soc = 20;
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);

        var request = new BatteryCommandRequest("home", "agate", BatteryCommandKind.Discharge, 1000, TimeSpan.FromMinutes(5));
        var error = await Assert.ThrowsAsync<ControlRefusedException>(() => supervisor.IssueAsync(request, "test", default));

        Assert.Contains("reserve", error.Message);
        Assert.Empty(_battery.Writes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(5 * 3600)]
    public async Task Every_command_needs_a_sane_revert_deadline(int seconds)
    {
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);

        await Assert.ThrowsAsync<ControlRefusedException>(() => supervisor.IssueAsync(Charge(1000, seconds), "test", default));
        Assert.Empty(_battery.Writes);
    }

    [Fact]
    public async Task Journals_the_deadline_before_the_battery_is_touched()
    {
        var journalledFirst = false;
        _battery.OnApply = () => journalledFirst = _journal.Issued.Count == 1;
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);

        var command = await supervisor.IssueAsync(Charge(2000, 90), "alice", default);

        Assert.True(journalledFirst);
        Assert.Equal(_time.GetUtcNow().AddSeconds(90), command.Deadline);
        Assert.Equal(["Charge 2000"], _battery.Writes);
        Assert.Contains(_journal.Audit, a => a.StartsWith("alice issue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Releases_at_the_deadline_within_five_seconds()
    {
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);
        var command = await supervisor.IssueAsync(Charge(2000, 60), "test", default);

        await _time.AdvanceAsync(TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("release", _battery.Writes);

        await _time.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _battery.Writes.Contains("release"), "release at the deadline");
        Assert.Empty(supervisor.Active);
        Assert.Equal("released at its deadline", _journal.Ended[command.Id]);
    }

    [Fact]
    public async Task On_start_releases_a_command_whose_deadline_passed_while_stopped()
    {
        var past = _time.GetUtcNow().AddMinutes(-10);
        var orphan = new ActiveCommand("old1", "home", "agate", BatteryCommandKind.Discharge, 3000, past, past.AddMinutes(5), "killed-process");
        await _journal.RecordIssuedAsync(orphan, default);

        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);

        Assert.Equal(["release"], _battery.Writes);
        Assert.Contains("while EnergyTap was not running", _journal.Ended["old1"]);
        Assert.Empty(supervisor.Active);
    }

    [Fact]
    public async Task On_start_keeps_a_command_still_within_its_deadline_and_releases_it_later()
    {
        var now = _time.GetUtcNow();
        await _journal.RecordIssuedAsync(new ActiveCommand("c2", "home", "agate", BatteryCommandKind.Charge, 1000, now.AddSeconds(-30), now.AddSeconds(30), "earlier"), default);

        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);
        Assert.Single(supervisor.Active);
        Assert.Empty(_battery.Writes);

        await _time.AdvanceAsync(TimeSpan.FromSeconds(32), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _battery.Writes.Contains("release"), "release of the inherited command");
    }

    [Fact]
    public async Task A_command_the_battery_does_not_take_is_released_and_reported()
    {
        _battery.ApplyFailure = new InvalidOperationException("WSetPct read back 0, wrote -400 (silently discarded)");
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);

        var error = await Assert.ThrowsAsync<ControlFailedException>(() => supervisor.IssueAsync(Charge(2000), "test", default));

        Assert.Contains("silently discarded", error.Message);
        Assert.Equal(["release"], _battery.Writes);
        Assert.Empty(supervisor.Active);
        Assert.StartsWith("failed and released", _journal.Ended.Values.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_trying_to_release_a_battery_that_is_unreachable_at_its_deadline()
    {
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);
        await supervisor.IssueAsync(Charge(1000, 10), "test", default);
        _battery.ReleaseFailure = new IOException("no route to host");

        await _time.AdvanceAsync(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1));
        Assert.Single(supervisor.Active);

        _battery.ReleaseFailure = null;
        await _time.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => supervisor.Active.Count == 0, "release once reachable");
        Assert.Contains("release", _battery.Writes);
    }

    [Fact]
    public async Task A_new_command_supersedes_the_previous_one()
    {
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);
        var first = await supervisor.IssueAsync(Charge(1000), "test", default);

        var second = await supervisor.IssueAsync(Charge(3000), "test", default);

        Assert.Equal("superseded by a new command", _journal.Ended[first.Id]);
        Assert.Equal(second.Id, supervisor.Active.Single().Id);
    }

    [Fact]
    public async Task Unknown_battery_is_refused()
    {
        await using var supervisor = NewSupervisor();
        await supervisor.StartAsync(default);

        var request = new BatteryCommandRequest("home", "nope", BatteryCommandKind.Idle, 0, TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<ControlRefusedException>(() => supervisor.IssueAsync(request, "test", default));
    }
}
