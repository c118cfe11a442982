namespace EnergyTap.Server.Metrics;

/// <summary>A counter family. Its name ends in <c>_total</c>.</summary>
public sealed class Counter : MetricFamily<CounterSeries>
{
    internal Counter(string name, string help, IReadOnlyList<string> labelNames)
        : base(name, help, MetricType.Counter, labelNames)
    {
    }

    private protected override CounterSeries CreateSeries(IReadOnlyList<string> labelValues, string labelPairs) =>
        new(labelValues, labelPairs);
}

/// <summary>One counter series. Thread-safe.</summary>
public sealed class CounterSeries : ValueSeries
{
    internal CounterSeries(IReadOnlyList<string> labelValues, string labelPairs)
        : base(labelValues, labelPairs)
    {
    }

    /// <summary>Adds a non-negative amount.</summary>
    public void Inc(double amount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Add(amount);
    }

    /// <summary>
    /// Mirrors a total kept by a device (an energy register, an uptime). A lower value than before is a
    /// device-side reset, which Prometheus' rate() and increase() already handle.
    /// </summary>
    public void Set(double total) => Store(total);
}
