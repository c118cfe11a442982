using System.Text;
using BenchmarkDotNet.Attributes;
using EnergyTap.Server.Metrics;
using EnergyTap.Server.Readings;

namespace EnergyTap.Benchmarks.Outputs;

/// <summary>
/// A scrape of a fleet-sized registry: ~2,000 reading series (every catalog quantity × 60 devices) plus the
/// status gauges the sink keeps per series. Target: a scrape well under a millisecond per 1,000 series and
/// allocations independent of the series count (the text is streamed, not built per sample).
/// </summary>
[MemoryDiagnoser]
public class PrometheusExpositionBenchmarks
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private MetricRegistry _registry = null!;
    private Reading[] _readings = null!;
    private ReadingMetricsSink _sink = null!;

    [Params(60)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _registry = new MetricRegistry();
        _sink = new ReadingMetricsSink(_registry);
        var time = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var quantities = QuantityCatalog.Known.Values.ToArray();
        _readings = [.. Enumerable.Range(0, Devices).SelectMany(d => quantities.Select((q, i) =>
            new Reading($"site{d % 6}", $"inverter{d}", q.Quantity, 1000.25 + (d * 7) + i, q.Unit, time)))];
        _sink.Record(_readings);
        var polls = new PollMetrics(_registry);
        for (var d = 0; d < Devices; d++)
        {
            polls.RecordPoll($"site{d % 6}", $"inverter{d}", TimeSpan.FromMilliseconds(40 + d), succeeded: d % 10 != 0);
        }
    }

    [Benchmark(Description = "Exposition → StreamWriter(Stream.Null)")]
    public void WriteExposition()
    {
        using var writer = new StreamWriter(Stream.Null, Utf8NoBom, 16 * 1024);
        _registry.WriteTo(writer);
    }

    [Benchmark(Description = "Exposition → Stream (as the /metrics endpoint does)")]
    public Task WriteExpositionToStream() => _registry.WriteToAsync(Stream.Null);

    [Benchmark(Description = "Record one poll's readings into the registry")]
    public void RecordReadings() => _sink.Record(_readings);
}
