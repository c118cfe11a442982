using System.Threading.Channels;
using EnergyTap.Server.Readings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Pipeline;

/// <summary>
/// Fans every poll's readings out to the sinks. Each sink has its own bounded queue and task, so a
/// slow sink (a broker that is down, a database under load) never delays polling or the other sinks.
/// When a queue is full the oldest batch is dropped and counted, rather than memory growing forever.
/// </summary>
public sealed class ReadingHub : IAsyncDisposable
{
    private readonly List<SinkQueue> _queues;
    private readonly ILogger _logger;

    public ReadingHub(IEnumerable<IReadingSink> sinks, ILogger<ReadingHub>? logger = null, int capacityPerSink = 10_000)
    {
        _logger = logger ?? NullLogger<ReadingHub>.Instance;
        _queues = sinks.Select(s => new SinkQueue(s, capacityPerSink, _logger)).ToList();
    }

    /// <summary>Batches dropped per sink because its queue was full.</summary>
    public IReadOnlyDictionary<string, long> Dropped => _queues.ToDictionary(q => q.Sink.Name, q => q.Dropped);

    public void Publish(IReadOnlyList<Reading> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        foreach (var queue in _queues)
        {
            queue.Enqueue(batch);
        }
    }

    /// <summary>Stops accepting readings and waits until every sink has taken what was queued.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Complete();
        }

        await Task.WhenAll(_queues.Select(q => q.Drained));
    }

    private sealed class SinkQueue
    {
        private readonly Channel<IReadOnlyList<Reading>> _channel;
        private readonly ILogger _logger;
        private long _dropped;

        public SinkQueue(IReadingSink sink, int capacity, ILogger logger)
        {
            Sink = sink;
            _logger = logger;
            _channel = Channel.CreateBounded<IReadOnlyList<Reading>>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref _dropped));
            Drained = Task.Run(PumpAsync);
        }

        public IReadingSink Sink { get; }

        public long Dropped => Interlocked.Read(ref _dropped);

        public Task Drained { get; }

        public void Enqueue(IReadOnlyList<Reading> batch) => _channel.Writer.TryWrite(batch);

        public void Complete() => _channel.Writer.TryComplete();

        private async Task PumpAsync()
        {
            await foreach (var batch in _channel.Reader.ReadAllAsync())
            {
                try
                {
                    await Sink.WriteAsync(batch, CancellationToken.None);
                }
#pragma warning disable CA1031 // One bad batch must not stop the sink for good.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogWarning(ex, "Sink {Sink} failed to take {Count} readings", Sink.Name, batch.Count);
                }
            }
        }
    }
}
