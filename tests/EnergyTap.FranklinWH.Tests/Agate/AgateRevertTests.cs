using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.FranklinWH.Tests.Agate;

public class AgateRevertTests
{
    [Fact]
    public async Task A_later_process_releases_an_expired_command_and_leaves_a_running_one_alone()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var first = await rig.ConnectAsync();
        await first.ChargeAsync(2000, TimeSpan.FromSeconds(60));
        await first.DisposeAsync();     // the owner "dies": no release happens

        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = await rig.ConnectAsync();
        Assert.Null(second.ReleasedOnConnect);
        Assert.Equal(-2000, rig.Simulator.CommandWatts);
        var timer = await second.GetTimerStatusAsync();
        Assert.True(timer.Active);
        Assert.Equal(TimeSpan.FromSeconds(30), timer.Remaining);

        rig.Clock.Advance(TimeSpan.FromSeconds(31));
        var third = await rig.ConnectAsync();
        Assert.Equal(BatteryCommand.Charge(2000), third.ReleasedOnConnect!.Command);
        Assert.Null(rig.Simulator.CommandWatts);
        Assert.Equal(0, rig.Point("704.WSetEna"));
        Assert.False((await third.GetTimerStatusAsync()).Active);
    }

    [Fact]
    public async Task A_command_without_revert_is_never_released_by_others()
    {
        await using var rig = await AgateTestRig.StartAsync();
        await (await rig.ConnectAsync()).DischargeAsync(1000);
        rig.Clock.Advance(TimeSpan.FromDays(1));
        var later = await rig.ConnectAsync();
        Assert.Null(later.ReleasedOnConnect);
        Assert.Equal(1000, rig.Simulator.CommandWatts);
        Assert.Null((await later.GetTimerStatusAsync()).Deadline);
    }

    [Fact]
    public async Task Holding_in_the_foreground_releases_at_the_deadline()
    {
        await using var rig = await AgateTestRig.StartAsync();
        rig.Clock.AutoAdvance = true;
        var controller = await rig.ConnectAsync();
        await controller.ChargeAsync(2500, TimeSpan.FromSeconds(10));
        var start = rig.Clock.GetUtcNow();
        var ticks = new List<TimeSpan>();
        var released = await controller.HoldUntilDeadlineAsync(ticks.Add, CancellationToken.None);

        Assert.True(rig.Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(10));
        Assert.InRange(ticks.Count, 9, 11);
        Assert.Equal(BatteryCommand.Charge(2500), released.Released!.Command);
        Assert.Null(rig.Simulator.CommandWatts);
    }

    [Fact]
    public async Task Interrupting_the_hold_releases_at_once()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var controller = await rig.ConnectAsync();
        await controller.ChargeAsync(2500, TimeSpan.FromMinutes(10));
        using var stop = new CancellationTokenSource();
        var hold = controller.HoldUntilDeadlineAsync(_ => stop.Cancel(), stop.Token);
        var released = await hold;
        Assert.NotNull(released.Released);
        Assert.Null(rig.Simulator.CommandWatts);
    }

    [Fact]
    public async Task A_hold_never_releases_a_command_another_process_issued_since()
    {
        await using var rig = await AgateTestRig.StartAsync();
        var holder = await rig.ConnectAsync();
        await holder.ChargeAsync(2000, TimeSpan.FromSeconds(60));
        var hold = holder.HoldUntilDeadlineAsync(null, CancellationToken.None);

        await (await rig.ConnectAsync()).DischargeAsync(1000);
        rig.Clock.Advance(TimeSpan.FromSeconds(61));
        var result = await hold.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(result.Released);
        Assert.Equal(1000, rig.Simulator.CommandWatts);
        Assert.True((await holder.GetTimerStatusAsync()).Active);
    }
}
