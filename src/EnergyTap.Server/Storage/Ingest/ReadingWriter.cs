using System.Collections.Concurrent;
using System.Threading.Channels;
using EnergyTap.Server.Readings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Storage.Ingest;

/// <summary>
/// The ingest pipeline: readings go into a channel, a background loop collects them into batches and writes each
/// batch in one store transaction, as soon as it is full or when its oldest reading has waited
/// <see cref="ReadingWriterOptions.FlushInterval"/>. A failed batch is kept and retried (stores are idempotent, so a
/// retry never duplicates). Dispose flushes what is left.
/// </summary>
public sealed partial class ReadingWriter : IAsyncDisposable
{
    private readonly IReadingStore _store;
    private readonly ReadingWriterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Reading> _channel;
    private readonly ConcurrentQueue<TaskCompletionSource> _flushRequests = new();
    private readonly Task _loop;
    private TaskCompletionSource _wake = NewSignal();
    private static readonly Task Never = new TaskCompletionSource().Task;
    private long _giveUpAtTicks;
    private int _batchCount;
    private long _written, _dropped, _failedAttempts;

    public ReadingWriter(IReadingStore store, ReadingWriterOptions? options = null, TimeProvider? time = null, ILogger<ReadingWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? ReadingWriterOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxBatchSize);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _channel = Channel.CreateBounded<Reading>(
            new BoundedChannelOptions(_options.Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Where producers (device pollers, the fan-out) put readings; never blocks, drops the oldest when full.</summary>
    public ChannelWriter<Reading> Input => _channel.Writer;

    /// <summary>Readings written to the store so far.</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>Readings dropped because the store was unavailable for longer than the buffer could hold.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Batch writes the store refused (each was retried).</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Readings accepted but not yet written.</summary>
    public int PendingCount => Volatile.Read(ref _batchCount) + _channel.Reader.Count;

    /// <summary>Writes everything accepted so far now and waits until it is stored.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var request = NewSignal();
        _flushRequests.Enqueue(request);
        _wake.TrySetResult();
        return request.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.CompareExchange(ref _giveUpAtTicks, (_time.GetUtcNow() + _options.ShutdownTimeout).UtcTicks, 0);
        _channel.Writer.TryComplete();
        _wake.TrySetResult();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Reading>(_options.MaxBatchSize);
        Task? flushDue = null;
        Task<bool>? readable = null;
        while (true)
        {
            var wake = _wake;
            while (batch.Count < _options.MaxBatchSize && _channel.Reader.TryRead(out var reading))
            {
                // The flush clock starts with the batch's first reading, not with the last flush.
                flushDue ??= Task.Delay(_options.FlushInterval, _time);
                batch.Add(reading);
            }

            Volatile.Write(ref _batchCount, batch.Count);
            var draining = _channel.Reader.Completion.IsCompleted;
            var full = batch.Count >= _options.MaxBatchSize;
            var flushRequested = !_flushRequests.IsEmpty && _channel.Reader.Count == 0;
            if (batch.Count > 0 && (full || flushRequested || draining || flushDue!.IsCompleted))
            {
                if (!await TryWriteAsync(batch))
                {
                    if (GiveUp(batch))
                    {
                        return;
                    }

                    await Task.Delay(_options.RetryDelay, _time);
                    continue;
                }

                batch.Clear();
                Volatile.Write(ref _batchCount, 0);
                flushDue = null;
                continue;
            }

            if (batch.Count == 0 && _channel.Reader.Count == 0)
            {
                AnswerFlushRequests();
                if (draining)
                {
                    return;
                }
            }

            readable ??= _channel.Reader.WaitToReadAsync().AsTask();
            await Task.WhenAny(readable, flushDue ?? Never, wake.Task);
            if (readable.IsCompleted)
            {
                readable = null;
            }

            if (wake.Task.IsCompleted)
            {
                Interlocked.CompareExchange(ref _wake, NewSignal(), wake);
            }
        }
    }

    private async Task<bool> TryWriteAsync(List<Reading> batch)
    {
        try
        {
            await _store.WriteAsync(batch.ToArray(), CancellationToken.None);
            Interlocked.Add(ref _written, batch.Count);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _failedAttempts);
            LogWriteFailed(_logger, batch.Count, ex.Message);
            return false;
        }
    }

    /// <summary>While shutting down, a store that stays down past the shutdown timeout costs the pending batch.</summary>
    private bool GiveUp(List<Reading> batch)
    {
        var deadline = Interlocked.Read(ref _giveUpAtTicks);
        if (deadline == 0 || _time.GetUtcNow().UtcTicks < deadline)
        {
            return false;
        }

        var lost = batch.Count + _channel.Reader.Count;
        Interlocked.Add(ref _dropped, lost);
        LogGaveUp(_logger, lost);
        while (_flushRequests.TryDequeue(out var request))
        {
            request.TrySetException(new StorageException($"{lost} readings could not be stored before shutdown"));
        }

        return true;
    }

    private void AnswerFlushRequests()
    {
        while (_flushRequests.TryDequeue(out var request))
        {
            request.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} readings failed, will retry: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up storing {Count} readings at shutdown")]
    private static partial void LogGaveUp(ILogger logger, int count);
}
