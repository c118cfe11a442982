namespace EnergyTap.Server.Metrics;

/// <summary>A gauge family: values that go up and down.</summary>
public sealed class Gauge : MetricFamily<GaugeSeries>
{
    internal Gauge(string name, string help, IReadOnlyList<string> labelNames)
        : base(name, help, MetricType.Gauge, labelNames)
    {
    }

    private protected override GaugeSeries CreateSeries(IReadOnlyList<string> labelValues, string labelPairs) =>
        new(labelValues, labelPairs);
}

/// <summary>One gauge series. Thread-safe.</summary>
public sealed class GaugeSeries : ValueSeries
{
    internal GaugeSeries(IReadOnlyList<string> labelValues, string labelPairs)
        : base(labelValues, labelPairs)
    {
    }

    /// <summary>Sets the value.</summary>
    public void Set(double value) => Store(value);

    /// <summary>Adds <paramref name="amount"/> (may be negative).</summary>
    public void Inc(double amount = 1) => Add(amount);

    /// <summary>Subtracts <paramref name="amount"/>.</summary>
    public void Dec(double amount = 1) => Add(-amount);
}
