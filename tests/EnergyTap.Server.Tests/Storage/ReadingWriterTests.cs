using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Ingest;

namespace EnergyTap.Server.Tests.Storage;

public sealed class ReadingWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(T0);
    private readonly RecordingStore _store = new();
    private ReadingWriter _writer = null!;

    public Task InitializeAsync()
    {
        _writer = new ReadingWriter(_store, new ReadingWriterOptions { MaxBatchSize = 100, ShutdownTimeout = TimeSpan.FromSeconds(5) }, _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _store.Fail = false;
        var disposing = _writer.DisposeAsync().AsTask();
        for (var i = 0; i < 100 && !disposing.IsCompleted; i++)
        {
            // A test that stopped with a retry pending needs the clock to move for the writer to finish.
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(20));
        }

        await disposing;
    }

    private static Reading R(int n) => new("home", "meter", "grid_power", n, "W", T0.AddMilliseconds(n));

    private void Write(int from, int count)
    {
        for (var n = from; n < from + count; n++)
        {
            Assert.True(_writer.Input.TryWrite(R(n)));
        }
    }

    private int Stored => _store.Batches.Sum(b => b.Count);

    [Fact]
    public async Task Full_batches_are_written_at_once_without_waiting_for_the_clock()
    {
        Write(0, 250);

        await Eventually.TrueAsync(() => _store.Batches.Count == 2 && _writer.PendingCount == 50, "two full batches are written");
        Assert.All(_store.Batches, b => Assert.Equal(100, b.Count));
        Assert.Equal(Enumerable.Range(0, 200).Select(n => (double?)n), _store.Batches.SelectMany(b => b).Select(r => r.Value));
    }

    [Fact]
    public async Task A_partial_batch_is_written_when_its_oldest_reading_is_one_second_old()
    {
        Write(0, 3);
        await Eventually.TrueAsync(() => _writer.PendingCount == 3 && _time.ArmedTimers == 1, "the batch waits on its flush timer");

        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.Empty(_store.Batches);

        var next = _store.NextBatch;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([0d, 1d, 2d], _store.Batches.Single().Select(r => r.Value!.Value));
        Assert.Equal(3, _writer.WrittenCount);
        Assert.Equal(0, _writer.PendingCount);
    }

    [Fact]
    public async Task The_flush_clock_starts_with_the_first_reading_of_each_batch()
    {
        Write(0, 1);
        await Eventually.TrueAsync(() => _time.ArmedTimers == 1, "the first batch waits");
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _store.Batches.Count == 1, "the first batch is written");

        // Nothing pending: the clock may run on without a write; a new reading then gets its own full second.
        _time.Advance(TimeSpan.FromSeconds(5));
        Write(1, 1);
        await Eventually.TrueAsync(() => _time.ArmedTimers == 1, "the second batch waits");
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Task.Delay(50);
        Assert.Single(_store.Batches);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually.TrueAsync(() => _store.Batches.Count == 2, "the second batch is written");
    }

    [Fact]
    public async Task A_refused_batch_is_retried_with_what_arrived_meanwhile_and_nothing_is_lost()
    {
        _store.Fail = true;
        Write(0, 5);
        await Eventually.TrueAsync(() => _time.ArmedTimers == 1, "the batch waits");
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _store.Attempts == 1 && _time.ArmedTimers == 1, "the write failed and a retry is scheduled");

        Write(5, 5);
        _store.Fail = false;
        _time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => Stored == 10, "everything is stored after the retry");
        Assert.Equal(Enumerable.Range(0, 10).Select(n => (double?)n), _store.Batches.SelectMany(b => b).Select(r => r.Value));
        Assert.Equal(1, _writer.FailedAttempts);
        Assert.Equal(10, _writer.WrittenCount);
    }

    [Fact]
    public async Task FlushAsync_writes_everything_accepted_so_far_without_waiting_for_the_clock()
    {
        Write(0, 7);

        await _writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(7, Stored);
    }

    [Fact]
    public async Task Dispose_writes_what_is_pending()
    {
        Write(0, 3);

        await _writer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, Stored);
        Assert.False(_writer.Input.TryWrite(R(99)));
    }

    [Fact]
    public async Task Dispose_gives_up_after_the_shutdown_timeout_when_the_store_stays_down()
    {
        _store.Fail = true;
        Write(0, 2);

        var disposing = _writer.DisposeAsync().AsTask();
        for (var i = 0; i < 20 && !disposing.IsCompleted; i++)
        {
            await Eventually.TrueAsync(() => disposing.IsCompleted || _time.ArmedTimers >= 1, "a retry is scheduled");
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(20));
        }

        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _writer.DroppedCount);
        Assert.Equal(0, Stored);
        Assert.InRange(_store.Attempts, 5, 7);
    }
}
