namespace EnergyTap.Server.Devices;

/// <summary>
/// How politely a data class is polled: the interval between poll starts, how long one poll may
/// take, random jitter so many devices do not poll in lock-step, and the cap on failure backoff.
/// </summary>
public sealed record PollSchedule(TimeSpan Interval, TimeSpan Timeout)
{
    /// <summary>Up to this fraction of the interval is added at random to each wait.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>After failures the wait doubles from <see cref="Interval"/> up to this cap.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait after <paramref name="failures"/> failures in a row: one interval (never faster than
    /// normal polling), then doubling up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        var ticks = Math.Min(Interval.Ticks * factor, MaxBackoff.Ticks);
        return TimeSpan.FromTicks(Math.Max(Interval.Ticks, (long)ticks));
    }
}
