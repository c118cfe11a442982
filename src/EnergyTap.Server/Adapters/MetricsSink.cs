using EnergyTap.Server.Metrics;
using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Adapters;

/// <summary>Keeps the /metrics gauges and counters at the latest readings.</summary>
public sealed class MetricsSink(ReadingMetricsSink metrics) : IReadingSink
{
    public string Name => "metrics";

    public ValueTask WriteAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        metrics.Record(batch);
        return ValueTask.CompletedTask;
    }
}
