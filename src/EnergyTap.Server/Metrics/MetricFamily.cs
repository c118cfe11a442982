using System.Collections.Concurrent;
using System.Text;

namespace EnergyTap.Server.Metrics;

/// <summary>A named metric with a help text, a type and label names; it holds one series per label-value set.</summary>
public abstract class MetricFamily
{
    private protected MetricFamily(string name, string help, MetricType type, IReadOnlyList<string> labelNames)
    {
        Name = name;
        Help = help;
        Type = type;
        LabelNames = labelNames;
    }

    /// <summary>The metric name, e.g. <c>energytap_solar_power_watts</c>.</summary>
    public string Name { get; }

    /// <summary>The HELP text.</summary>
    public string Help { get; }

    /// <summary>Gauge, counter or histogram.</summary>
    public MetricType Type { get; }

    /// <summary>Label names every series of this family carries.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>How many series the family currently exposes.</summary>
    public abstract int SeriesCount { get; }

    internal abstract void Write(TextWriter writer);
}

/// <summary>A metric family whose series are of type <typeparamref name="TSeries"/>.</summary>
public abstract class MetricFamily<TSeries> : MetricFamily
    where TSeries : MetricSeries
{
    private readonly ConcurrentDictionary<string, TSeries> _series = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly string _typeLine;
    private readonly string _helpLine;
    private TSeries[]? _snapshot;

    private protected MetricFamily(string name, string help, MetricType type, IReadOnlyList<string> labelNames)
        : base(name, help, type, labelNames)
    {
        _helpLine = $"# HELP {name} {PrometheusText.EscapeHelp(help)}";
        _typeLine = $"# TYPE {name} {type.ToString().ToLowerInvariant()}";
    }

    /// <inheritdoc />
    public override int SeriesCount => _series.Count;

    /// <summary>The series for these label values (one per label name, in order), created on first use.</summary>
    public TSeries WithLabels(params string[] labelValues)
    {
        var key = KeyOf(labelValues);
        if (_series.TryGetValue(key, out var existing))
        {
            return existing;
        }

        lock (_gate)
        {
            if (_series.TryGetValue(key, out existing))
            {
                return existing;
            }

            var values = (string[])labelValues.Clone();
            var created = CreateSeries(values, PrometheusText.RenderLabelPairs(LabelNames, values));
            _series[key] = created;
            _snapshot = null;
            return created;
        }
    }

    /// <summary>Removes the series with these label values, so scrapes stop showing it. True if it existed.</summary>
    public bool Remove(params string[] labelValues)
    {
        var key = KeyOf(labelValues);
        lock (_gate)
        {
            if (!_series.TryRemove(key, out _))
            {
                return false;
            }

            _snapshot = null;
            return true;
        }
    }

    /// <summary>True when a series with these label values exists.</summary>
    public bool Contains(params string[] labelValues) => _series.ContainsKey(KeyOf(labelValues));

    private protected abstract TSeries CreateSeries(IReadOnlyList<string> labelValues, string labelPairs);

    internal override void Write(TextWriter writer)
    {
        var series = Snapshot();
        if (series.Length == 0)
        {
            return;
        }

        writer.Write(_helpLine);
        writer.Write('\n');
        writer.Write(_typeLine);
        writer.Write('\n');
        foreach (var one in series)
        {
            one.WriteSamples(writer, Name);
        }
    }

    private TSeries[] Snapshot()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null)
        {
            return snapshot;
        }

        lock (_gate)
        {
            // Sorted by labels so scrapes are stable and diffable.
            _snapshot ??= [.. _series.OrderBy(pair => pair.Value.LabelPairs, StringComparer.Ordinal).Select(pair => pair.Value)];
            return _snapshot;
        }
    }

    private string KeyOf(string[] labelValues)
    {
        ArgumentNullException.ThrowIfNull(labelValues);
        if (labelValues.Length != LabelNames.Count)
        {
            throw new ArgumentException(
                $"Metric {Name} has labels ({string.Join(", ", LabelNames)}) but {labelValues.Length} value(s) were given.",
                nameof(labelValues));
        }

        switch (labelValues.Length)
        {
            case 0:
                return string.Empty;
            case 1:
                return labelValues[0] ?? throw new ArgumentException("Label values cannot be null.", nameof(labelValues));
            default:
                // Length-prefixed so ("a_b", "c") and ("a", "b_c") never share a key.
                var key = new StringBuilder();
                foreach (var value in labelValues)
                {
                    ArgumentNullException.ThrowIfNull(value, nameof(labelValues));
                    key.Append(value.Length).Append(':').Append(value);
                }

                return key.ToString();
        }
    }
}
