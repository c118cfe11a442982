namespace EnergyTap.Modbus;

/// <summary>
/// Spaces out connection attempts after failures: the wait doubles per failure up to a cap.
/// Between attempts requests fail at once instead of piling up behind a dead device.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, TimeProvider timeProvider)
{
    private DateTimeOffset nextAttempt = DateTimeOffset.MinValue;

    public int Failures { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>How long until the next attempt is allowed; zero when one may be made now.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = nextAttempt - timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public TimeSpan Failed(string error)
    {
        Failures++;
        LastError = error;
        var factor = Math.Pow(2, Math.Min(Failures - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, max.Ticks));
        nextAttempt = timeProvider.GetUtcNow() + wait;
        return wait;
    }

    public void Succeeded()
    {
        Failures = 0;
        LastError = null;
        nextAttempt = DateTimeOffset.MinValue;
    }
}
