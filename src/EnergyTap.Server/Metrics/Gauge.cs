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
public sealed class GaugeSeries : MetricSeries
{
    private AtomicDouble _value;

    internal GaugeSeries(IReadOnlyList<string> labelValues, string labelPairs)
        : base(labelValues, labelPairs)
    {
    }

    /// <summary>The current value.</summary>
    public double Value => _value.Read();

    /// <summary>Sets the value.</summary>
    public void Set(double value) => _value.Write(value);

    /// <summary>Adds <paramref name="amount"/> (may be negative).</summary>
    public void Inc(double amount = 1) => _value.Add(amount);

    /// <summary>Subtracts <paramref name="amount"/>.</summary>
    public void Dec(double amount = 1) => _value.Add(-amount);

    internal override void WriteSamples(TextWriter writer, string name)
    {
        PrometheusText.WriteSampleStart(writer, name, LabelPairs);
        PrometheusText.WriteValue(writer, _value.Read());
        writer.Write('\n');
    }
}
