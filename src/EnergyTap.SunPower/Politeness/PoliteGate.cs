namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// The one door to one PVS: requests go through one at a time, with a minimum pause between them, and none
/// go out while a backoff after 5xx is running (callers get <see cref="PvsUnavailableException"/> at once
/// instead of queueing up behind a sick PVS). With a <see cref="PvsSharedCache"/> the door is shared by every
/// process using that directory: one request at a time, the pause and the backoff hold across processes too.
/// </summary>
public sealed class PoliteGate(TimeProvider time, TimeSpan minInterval, BackoffState backoff, PoliteGateSharing? sharing = null)
{
    private const string LockName = "requests";
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private DateTimeOffset _lastFinished = DateTimeOffset.MinValue;

    public BackoffState Backoff => backoff;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        ThrowIfBackingOff();
        await _oneAtATime.WaitAsync(cancellationToken);
        PvsSharedLock? held = null;
        var sent = false;
        try
        {
            held = sharing is null ? null : await sharing.Cache.LockAsync(sharing.PvsKey, LockName, sharing.MaxWait, sharing.Waiting, cancellationToken);
            var shared = held is null ? null : SharedRequestStamp.Read(held);
            ThrowIfBackingOff(shared?.BackoffUntil);
            var last = shared?.LastFinished is { } other && other > _lastFinished ? other : _lastFinished;
            var wait = last + minInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < minInterval ? wait : minInterval, time, cancellationToken);
            }

            sent = true;
            return await request(cancellationToken);
        }
        finally
        {
            var now = time.GetUtcNow();
            _lastFinished = now;
            if (held is not null)
            {
                if (sent)
                {
                    new SharedRequestStamp(now, backoff.BlockedUntil(now)).Write(held);
                }

                held.Dispose();
            }

            _oneAtATime.Release();
        }
    }

    private void ThrowIfBackingOff(DateTimeOffset? sharedUntil = null)
    {
        var now = time.GetUtcNow();
        if (backoff.BlockedUntil(now) is { } until)
        {
            // Relative, not a clock time: a one-shot command's user reads it after the process has exited.
            throw new PvsUnavailableException($"the PVS failed a moment ago; not asking it again for {Seconds(until - now)} s, to let it recover", until);
        }

        if (sharedUntil is { } elsewhere && elsewhere > now)
        {
            throw new PvsUnavailableException($"the PVS failed a moment ago (another EnergyTap process saw it); not asking it again for {Seconds(elsewhere - now)} s, to let it recover", elsewhere);
        }
    }

    private static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a <see cref="PoliteGate"/> shares its door with other processes.</summary>
/// <param name="Cache">The shared directory.</param>
/// <param name="PvsKey">Which PVS (see <see cref="PvsSharedCache.KeyOf"/>).</param>
/// <param name="MaxWait">How long to wait for another process's request before giving up.</param>
/// <param name="Waiting">Told once, in plain words, when a request waits for another process.</param>
public sealed record PoliteGateSharing(PvsSharedCache Cache, string PvsKey, TimeSpan MaxWait, Action<string>? Waiting);
