using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Storage.Maintenance;

/// <summary>
/// Runs <see cref="IReadingStore.RunMaintenanceAsync"/> now and then every <paramref name="interval"/> (5 minutes
/// suits the 5-minute roll-up) until cancelled. A failed run is logged and retried at the next tick.
/// </summary>
public sealed partial class MaintenanceLoop(IReadingStore store, TimeSpan interval, TimeProvider? time = null, ILogger<MaintenanceLoop>? logger = null)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time ?? TimeProvider.System);
        do
        {
            try
            {
                var report = await store.RunMaintenanceAsync(cancellationToken);
                LogRan(_logger, report.FiveMinuteBucketsWritten, report.HourlyBucketsWritten, report.RawRowsDeleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(_logger, ex.Message);
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Storage maintenance: {FiveMinute} 5-minute and {Hourly} hourly buckets, {RawDeleted} raw rows expired")]
    private static partial void LogRan(ILogger logger, int fiveMinute, int hourly, long rawDeleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage maintenance failed, will retry: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
