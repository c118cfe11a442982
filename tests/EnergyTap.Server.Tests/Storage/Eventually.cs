using System.Diagnostics;

namespace EnergyTap.Server.Tests.Storage;

/// <summary>Waits for a background loop to reach a state; fails with a message instead of hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutSeconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(5);
        }
    }
}
