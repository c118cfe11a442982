using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Ingest;
using EnergyTap.Server.Storage.Sqlite;

namespace EnergyTap.Benchmarks.Storage;

/// <summary>
/// SQLite ingest: 10,000 readings (20 series, one reading per series per second) per operation, written either
/// straight to the store in batches of <see cref="BatchSize"/> or through the <see cref="ReadingWriter"/> pipeline.
/// Readings/s = 10,000 / mean. Each iteration starts from an empty database in a temporary folder (WAL, synchronous=NORMAL).
/// </summary>
[Config(typeof(InProcessMonitoring))]
[MemoryDiagnoser]
public class SqliteIngestBenchmarks
{
    /// <summary>
    /// In-process and few iterations: each operation is a whole database workload (tens of milliseconds), and on a
    /// small shared machine BenchmarkDotNet's generated out-of-process project can take longer to build than it allows.
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10));
    }

    private const int ReadingsPerOperation = 10_000;
    private const int Series = 20;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private Reading[] _readings = [];
    private string _folder = "";
    private SqliteReadingStore _store = null!;
    private int _round;

    [Params(100, 1000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _readings = Enumerable.Range(0, ReadingsPerOperation)
            .Select(i => new Reading("home", $"device{i % Series}", "power", i * 1.5, "W", Start.AddSeconds(i / Series)))
            .ToArray();

    [IterationSetup]
    public void OpenEmptyDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("energytap-bench-").FullName;
        _store = SqliteReadingStore.OpenAsync(Path.Combine(_folder, "bench.db")).GetAwaiter().GetResult();
        _round = 0;
    }

    [IterationCleanup]
    public void DeleteDatabase()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Each operation writes new times so the unique key never turns inserts into skipped duplicates.</summary>
    private IEnumerable<Reading> NextRound()
    {
        var shift = TimeSpan.FromHours(++_round);
        return _readings.Select(r => r with { Time = r.Time + shift });
    }

    [Benchmark(Description = "store.WriteAsync batches")]
    public async Task WriteBatches()
    {
        foreach (var chunk in NextRound().Chunk(BatchSize))
        {
            await _store.WriteAsync(chunk);
        }
    }

    [Benchmark(Description = "ReadingWriter pipeline")]
    public async Task WritePipeline()
    {
        await using var writer = new ReadingWriter(_store, new ReadingWriterOptions { MaxBatchSize = BatchSize });
        foreach (var reading in NextRound())
        {
            await writer.Input.WriteAsync(reading);
        }

        await writer.FlushAsync();
    }
}
