namespace EnergyTap.Server.Metrics;

/// <summary>One time series of a metric family: the family's name plus one set of label values.</summary>
public abstract class MetricSeries
{
    private protected MetricSeries(IReadOnlyList<string> labelValues, string labelPairs)
    {
        LabelValues = labelValues;
        LabelPairs = labelPairs;
    }

    /// <summary>The label values, in the order of the family's label names.</summary>
    public IReadOnlyList<string> LabelValues { get; }

    /// <summary>Pre-rendered, escaped <c>name="value"</c> pairs.</summary>
    internal string LabelPairs { get; }

    internal abstract void WriteSamples(TextWriter writer, string name);
}
