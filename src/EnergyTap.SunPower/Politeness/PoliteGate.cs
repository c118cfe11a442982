namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// The one door to one PVS: requests go through one at a time, with a minimum pause between them, and none
/// go out while a backoff after 5xx is running (callers get <see cref="PvsUnavailableException"/> at once
/// instead of queueing up behind a sick PVS).
/// </summary>
public sealed class PoliteGate(TimeProvider time, TimeSpan minInterval, BackoffState backoff)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private DateTimeOffset _lastFinished = DateTimeOffset.MinValue;

    public BackoffState Backoff => backoff;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        ThrowIfBackingOff();
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            ThrowIfBackingOff();
            var wait = _lastFinished + minInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            return await request(cancellationToken);
        }
        finally
        {
            _lastFinished = time.GetUtcNow();
            _oneAtATime.Release();
        }
    }

    private void ThrowIfBackingOff()
    {
        var now = time.GetUtcNow();
        if (backoff.BlockedUntil(now) is { } until)
        {
            // Relative, not a clock time: a one-shot command's user reads it after the process has exited.
            throw new PvsUnavailableException($"the PVS failed a moment ago; not asking it again for {Math.Ceiling((until - now).TotalSeconds):0} s, to let it recover", until);
        }
    }
}
