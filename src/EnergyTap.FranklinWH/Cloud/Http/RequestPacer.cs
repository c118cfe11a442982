namespace EnergyTap.FranklinWH.Cloud.Http;

/// <summary>
/// Client-side rate limit: hands out send slots so that any two requests are at least the global interval
/// apart and requests with the same key at least their own interval apart. Slots are reserved under a lock
/// and waited for outside it, so concurrent callers queue fairly. A call held back by its key (stats of one
/// gateway) does not hold back calls with other keys.
/// </summary>
internal sealed class RequestPacer(TimeProvider time, TimeSpan globalInterval)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastByKey = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastAny;

    public async Task WaitTurnAsync(string? key, TimeSpan keyInterval, CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var globalSlot = _lastAny is { } any && any + globalInterval > now ? any + globalInterval : now;
            _lastAny = globalSlot;
            slot = globalSlot;
            if (key is not null)
            {
                if (_lastByKey.TryGetValue(key, out var last) && last + keyInterval > slot)
                {
                    slot = last + keyInterval;
                }

                _lastByKey[key] = slot;
            }
        }

        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
