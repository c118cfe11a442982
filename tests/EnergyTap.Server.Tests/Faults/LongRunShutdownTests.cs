using System.Diagnostics;
using static EnergyTap.Server.Tests.Faults.FaultSite;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>Issue 12.3: a stop after minutes of uptime (past the first roll-up and retention run) must end promptly.</summary>
public sealed class LongRunShutdownTests
{
    [Fact]
    public async Task A_stop_after_seven_minutes_of_polling_and_maintenance_completes_within_seconds()
    {
        await using var site = await StartAsync();
        await site.RunAsync(TimeSpan.FromMinutes(7)); // past the 5-minute maintenance tick and its first 5-minute bucket

        var watch = Stopwatch.StartNew();
        var stop = site.Service.DisposeAsync().AsTask();
        var finished = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(40)));
        Assert.Same(stop, finished);
        await stop;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(40), $"shutdown took {watch.Elapsed}");
    }
}
