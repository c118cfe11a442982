namespace EnergyTap.Server.Metrics;

/// <summary>A series holding one number (gauges and counters). Thread-safe.</summary>
public abstract class ValueSeries : MetricSeries
{
    private AtomicDouble _value;

    private protected ValueSeries(IReadOnlyList<string> labelValues, string labelPairs)
        : base(labelValues, labelPairs)
    {
    }

    /// <summary>The current value.</summary>
    public double Value => _value.Read();

    private protected void Store(double value) => _value.Write(value);

    private protected void Add(double amount) => _value.Add(amount);

    internal override void WriteSamples(TextWriter writer, string name)
    {
        PrometheusText.WriteSampleStart(writer, name, LabelPairs);
        PrometheusText.WriteValue(writer, _value.Read());
        writer.Write('\n');
    }
}
