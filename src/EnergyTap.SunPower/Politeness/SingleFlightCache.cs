namespace EnergyTap.SunPower.Politeness;

/// <summary>A cached value and whether it came from the cache, and whether it is past its window.</summary>
public sealed record CacheResult<T>(T Value, DateTimeOffset FetchedAt, bool FromCache, bool Stale);

/// <summary>
/// Caches answers per key and lets concurrent callers share one upstream call: while a fetch is running,
/// everyone asking for the same key awaits that fetch. A caller's cancellation stops only its own wait, never
/// the shared fetch. When a refresh fails and an older answer is within <c>staleFor</c>, the old answer is
/// served (marked stale) rather than the error.
/// </summary>
public sealed class SingleFlightCache<TKey, TValue>(TimeProvider time) where TKey : notnull
{
    private sealed class Entry
    {
        public TValue? Value;
        public bool HasValue;
        public DateTimeOffset FetchedAt;
        public DateTimeOffset ExpiresAt;
        public Task<TValue>? InFlight;
    }

    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly Lock _lock = new();

    public long Hits { get; private set; }

    public long Fetches { get; private set; }

    public async Task<CacheResult<TValue>> GetAsync(
        TKey key,
        Func<CancellationToken, Task<TValue>> fetch,
        Func<TValue, DateTimeOffset, DateTimeOffset> expiresAt,
        TimeSpan staleFor,
        CancellationToken cancellationToken)
    {
        Task<TValue> flight;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            if (entry.HasValue && now < entry.ExpiresAt)
            {
                Hits++;
                return new CacheResult<TValue>(entry.Value!, entry.FetchedAt, FromCache: true, Stale: false);
            }

            if (entry.InFlight is null)
            {
                Fetches++;
                entry.InFlight = FetchAsync(entry, fetch, expiresAt);
            }
            else
            {
                Hits++;
            }

            flight = entry.InFlight;
        }

        try
        {
            var value = await flight.WaitAsync(cancellationToken);
            lock (_lock)
            {
                var entry = _entries[key];
                return new CacheResult<TValue>(value, entry.FetchedAt, FromCache: false, Stale: false);
            }
        }
        catch (PvsException) when (TryStale(key, staleFor, out var stale))
        {
            return stale!;
        }
    }

    public void Invalidate(TKey key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                entry.ExpiresAt = DateTimeOffset.MinValue;
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            foreach (var entry in _entries.Values)
            {
                entry.ExpiresAt = DateTimeOffset.MinValue;
            }
        }
    }

    private async Task<TValue> FetchAsync(Entry entry, Func<CancellationToken, Task<TValue>> fetch, Func<TValue, DateTimeOffset, DateTimeOffset> expiresAt)
    {
        await Task.Yield(); // leave the lock before the upstream call starts
        try
        {
            var value = await fetch(CancellationToken.None);
            lock (_lock)
            {
                var now = time.GetUtcNow();
                entry.Value = value;
                entry.HasValue = true;
                entry.FetchedAt = now;
                entry.ExpiresAt = expiresAt(value, now);
            }

            return value;
        }
        finally
        {
            lock (_lock)
            {
                entry.InFlight = null;
            }
        }
    }

    private bool TryStale(TKey key, TimeSpan staleFor, out CacheResult<TValue>? result)
    {
        lock (_lock)
        {
            result = null;
            if (staleFor <= TimeSpan.Zero || !_entries.TryGetValue(key, out var entry) || !entry.HasValue)
            {
                return false;
            }

            if (time.GetUtcNow() - entry.FetchedAt > staleFor)
            {
                return false;
            }

            result = new CacheResult<TValue>(entry.Value!, entry.FetchedAt, FromCache: true, Stale: true);
            return true;
        }
    }
}
