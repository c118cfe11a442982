namespace EnergyTap.Server.Metrics;

/// <summary>A histogram family with fixed bucket upper bounds.</summary>
public sealed class Histogram : MetricFamily<HistogramSeries>
{
    private readonly double[] _bounds;

    internal Histogram(string name, string help, IReadOnlyList<double> upperBounds, IReadOnlyList<string> labelNames)
        : base(name, help, MetricType.Histogram, labelNames)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        // +Inf is always added by the exposition, so callers list only finite bounds.
        _bounds = [.. upperBounds.Where(b => !double.IsPositiveInfinity(b))];
        if (_bounds.Any(double.IsNaN))
        {
            throw new ArgumentException($"Histogram {name} has a NaN bucket bound.", nameof(upperBounds));
        }

        for (var i = 1; i < _bounds.Length; i++)
        {
            if (_bounds[i] <= _bounds[i - 1])
            {
                throw new ArgumentException($"Histogram {name} bucket bounds must be strictly increasing.", nameof(upperBounds));
            }
        }
    }

    /// <summary>The finite bucket upper bounds, ascending (the +Inf bucket is implied).</summary>
    public IReadOnlyList<double> UpperBounds => _bounds;

    private protected override HistogramSeries CreateSeries(IReadOnlyList<string> labelValues, string labelPairs) =>
        new(labelValues, labelPairs, _bounds);
}

/// <summary>One histogram series. Thread-safe; a scrape sees sum, count and buckets from the same moment.</summary>
public sealed class HistogramSeries : MetricSeries
{
    private readonly double[] _bounds;
    private readonly string[] _bucketLabelPairs;
    private readonly long[] _bucketCounts;
    private readonly Lock _gate = new();
    private double _sum;
    private long _count;

    internal HistogramSeries(IReadOnlyList<string> labelValues, string labelPairs, double[] bounds)
        : base(labelValues, labelPairs)
    {
        _bounds = bounds;
        _bucketCounts = new long[bounds.Length + 1];
        var prefix = labelPairs.Length == 0 ? string.Empty : labelPairs + ",";
        _bucketLabelPairs = [.. bounds.Select(b => $"{prefix}le=\"{PrometheusText.FormatValue(b)}\""), $"{prefix}le=\"+Inf\""];
    }

    /// <summary>How many observations were recorded.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>The sum of all observations.</summary>
    public double Sum
    {
        get
        {
            lock (_gate)
            {
                return _sum;
            }
        }
    }

    /// <summary>Records one observation.</summary>
    public void Observe(double value)
    {
        var bucket = _bounds.Length;
        for (var i = 0; i < _bounds.Length; i++)
        {
            if (value <= _bounds[i])
            {
                bucket = i;
                break;
            }
        }

        lock (_gate)
        {
            _bucketCounts[bucket]++;
            _sum += value;
            _count++;
        }
    }

    internal override void WriteSamples(TextWriter writer, string name)
    {
        long[] counts;
        double sum;
        long count;
        lock (_gate)
        {
            counts = (long[])_bucketCounts.Clone();
            sum = _sum;
            count = _count;
        }

        var bucketName = name + "_bucket";
        long cumulative = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            PrometheusText.WriteSampleStart(writer, bucketName, _bucketLabelPairs[i]);
            PrometheusText.WriteInteger(writer, cumulative);
            writer.Write('\n');
        }

        PrometheusText.WriteSampleStart(writer, name + "_sum", LabelPairs);
        PrometheusText.WriteValue(writer, sum);
        writer.Write('\n');
        PrometheusText.WriteSampleStart(writer, name + "_count", LabelPairs);
        PrometheusText.WriteInteger(writer, count);
        writer.Write('\n');
    }
}
