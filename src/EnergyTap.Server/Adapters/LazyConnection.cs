namespace EnergyTap.Server.Adapters;

/// <summary>
/// Connects on first use and keeps the connection; a failed attempt is forgotten so the next poll
/// tries again. The service therefore starts even when a device is down. A connection that no longer
/// fits the device (its firmware changed) can be dropped with <see cref="ResetAsync"/>.
/// </summary>
internal sealed class LazyConnection<T>(Func<CancellationToken, Task<T>> connect) : IAsyncDisposable
    where T : class, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _value;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        if (_value is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _value ??= await connect(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets and disposes <paramref name="stale"/> if it is still the current connection; the next use connects afresh.</summary>
    public async Task ResetAsync(T stale)
    {
        await _gate.WaitAsync();
        try
        {
            if (!ReferenceEquals(_value, stale))
            {
                return; // another caller already replaced it
            }

            _value = null;
        }
        finally
        {
            _gate.Release();
        }

        await stale.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_value is not null)
        {
            await _value.DisposeAsync();
        }

        _gate.Dispose();
    }
}
