namespace EnergyTap.SunPower.Politeness;

/// <summary>Exponential backoff after failures: 30 s, 60 s, 120 s … up to the cap; one success resets it.</summary>
public sealed class BackoffState(TimeSpan initial, TimeSpan max)
{
    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _until = DateTimeOffset.MinValue;

    public int ConsecutiveFailures
    {
        get { lock (_lock) { return _failures; } }
    }

    /// <summary>Null while requests may go out; otherwise when they may again.</summary>
    public DateTimeOffset? BlockedUntil(DateTimeOffset now)
    {
        lock (_lock)
        {
            return now < _until ? _until : null;
        }
    }

    public DateTimeOffset RecordFailure(DateTimeOffset now)
    {
        lock (_lock)
        {
            _failures++;
            var factor = Math.Pow(2, Math.Min(_failures - 1, 20));
            var pause = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, max.Ticks));
            _until = now + pause;
            return _until;
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            _failures = 0;
            _until = DateTimeOffset.MinValue;
        }
    }
}
