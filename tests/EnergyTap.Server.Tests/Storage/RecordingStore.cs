using System.Collections.Concurrent;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage;

namespace EnergyTap.Server.Tests.Storage;

/// <summary>An <see cref="IReadingStore"/> that remembers each batch; it can be told to fail writes.</summary>
internal sealed class RecordingStore : IReadingStore
{
    private TaskCompletionSource _batchArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<IReadOnlyList<Reading>> Batches { get; } = new();

    public volatile bool Fail;

    public int Attempts;

    public Task WriteAsync(IReadOnlyCollection<Reading> batch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Attempts);
        if (Fail)
        {
            throw new StorageException("store unavailable");
        }

        Batches.Enqueue(batch.ToList());
        Interlocked.Exchange(ref _batchArrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>Completes when the next batch is stored.</summary>
    public Task NextBatch => Volatile.Read(ref _batchArrived).Task;

    public Task<IReadOnlyList<HistoryRow>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<Reading>> LatestAsync(SeriesFilter? filter = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<SeriesSummary>> ListSeriesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<MaintenanceReport> RunMaintenanceAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
