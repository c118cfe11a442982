namespace EnergyTap.Server.Tests.Infrastructure;

/// <summary>Waits, with a hard bound, for something a real peer process does asynchronously.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every few milliseconds; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        await UntilAsync(() => Task.FromResult(condition()), what, timeout);
    }

    /// <summary>Async variant of <see cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }
}
