using EnergyTap.Server.Control;
using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Tests.Service;
using Eventually = EnergyTap.Server.Tests.Service.Eventually;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Tests.Fleet;

public sealed class OwnershipAwareSupervisorTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly MemoryJournal _journal = new();
    private readonly FakeBattery _battery = new("south", "agate");

    private static BatteryCommandRequest Charge(int seconds) => new("south", "agate", BatteryCommandKind.Charge, 2000, TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task Refuses_commands_for_a_site_another_instance_runs_and_names_it()
    {
        var ownership = new SettableOwnership("a");
        ownership.TakeAway("south", to: "b");
        await using var supervisor = new CommandSupervisor([_battery], _journal, _time, ownership: ownership);
        await supervisor.StartAsync(default);

        var error = await Assert.ThrowsAsync<ControlRefusedException>(() => supervisor.IssueAsync(Charge(60), "test", default));
        var release = await Assert.ThrowsAsync<ControlRefusedException>(() => supervisor.ReleaseAsync("south", "agate", "test", default));

        Assert.Contains("fleet instance b", error.Message);
        Assert.Contains("fleet instance b", release.Message);
        Assert.Empty(_battery.Writes);
        Assert.Empty(_journal.Issued);
    }

    [Fact]
    public async Task At_start_up_commands_of_sites_run_elsewhere_are_left_alone_even_when_overdue()
    {
        await _journal.RecordIssuedAsync(new ActiveCommand("", "south", "agate", BatteryCommandKind.Charge, 2000,
            _time.GetUtcNow().AddMinutes(-10), _time.GetUtcNow().AddMinutes(-5), "api"), default);
        var ownership = new SettableOwnership("a");
        await using var supervisor = new CommandSupervisor([_battery], _journal, _time, ownership: ownership);

        await supervisor.StartAsync(default);

        Assert.Empty(_battery.Writes);
        Assert.Empty(_journal.Ended);
        Assert.Empty(supervisor.Active);
    }

    [Fact]
    public async Task Taking_a_site_over_picks_up_its_open_command_and_releases_it_at_its_deadline()
    {
        // Instance b issued a 60 s charge and was killed; its journal entry is all that is left.
        var issued = _time.GetUtcNow();
        var id = await _journal.RecordIssuedAsync(new ActiveCommand("", "south", "agate", BatteryCommandKind.Charge, 2000,
            issued, issued.AddSeconds(60), "api"), default);
        var ownership = new SettableOwnership("a");
        ownership.TakeAway("south", to: "b");
        await using var supervisor = new CommandSupervisor([_battery], _journal, _time, ownership: ownership);
        await supervisor.StartAsync(default);

        await _time.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        Assert.Empty(supervisor.Active);
        ownership.Give("south"); // b's lease expired and a took the site
        await _time.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => supervisor.Active.Count == 1, "the taken-over command is watched");
        Assert.Equal(id, supervisor.Active[0].Id);
        Assert.Empty(_battery.Writes);

        await _time.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => _journal.Ended.ContainsKey(id), "release at the deadline");
        Assert.Equal(["release"], _battery.Writes);
        Assert.Equal("released at its deadline", _journal.Ended[id]);
    }

    [Fact]
    public async Task A_site_handed_to_another_instance_is_no_longer_released_here()
    {
        var ownership = new SettableOwnership("a", "south");
        await using var supervisor = new CommandSupervisor([_battery], _journal, _time, ownership: ownership);
        await supervisor.StartAsync(default);
        var command = await supervisor.IssueAsync(Charge(60), "test", default);

        ownership.TakeAway("south", to: "b");
        await _time.AdvanceAsync(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => supervisor.Active.Count == 0, "the command is no longer watched here");
        Assert.Equal(["Charge 2000"], _battery.Writes); // never released by a, whose site it no longer is
        Assert.False(_journal.Ended.ContainsKey(command.Id)); // b finds it open in the journal
    }
}
