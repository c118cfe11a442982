namespace EnergyTap.Server.Hosting;

/// <summary>Runs a long-lived task until disposed (maintenance and similar housekeeping).</summary>
internal sealed class BackgroundLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;

    public BackgroundLoop(Func<CancellationToken, Task> run)
    {
        _task = Task.Run(async () =>
        {
            try
            {
                await run(_stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _task;
        _stop.Dispose();
    }
}
