using System.Globalization;
using System.Text;

namespace EnergyTap.Server.Metrics;

/// <summary>
/// Holds metric families and writes them in the Prometheus text exposition format 0.0.4.
/// Thread-safe: series can be updated while a scrape is being written.
/// </summary>
public sealed class MetricRegistry
{
    /// <summary>The HTTP content type of the exposition.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private MetricFamily[] _ordered = [];
    private Action[] _beforeCollect = [];

    /// <summary>The registered families, sorted by name.</summary>
    public IReadOnlyList<MetricFamily> Families => Volatile.Read(ref _ordered);

    /// <summary>The gauge named <paramref name="name"/>, created on first use.</summary>
    public Gauge GetOrCreateGauge(string name, string help, params string[] labelNames) =>
        GetOrCreate(name, help, MetricType.Gauge, labelNames, () => new Gauge(name, help, labelNames));

    /// <summary>The counter named <paramref name="name"/> (which must end in <c>_total</c>), created on first use.</summary>
    public Counter GetOrCreateCounter(string name, string help, params string[] labelNames)
    {
        if (name is not null && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Counter name '{name}' must end in _total (Prometheus naming).", nameof(name));
        }

        return GetOrCreate(name!, help, MetricType.Counter, labelNames, () => new Counter(name!, help, labelNames));
    }

    /// <summary>The histogram named <paramref name="name"/> with these finite bucket bounds, created on first use.</summary>
    public Histogram GetOrCreateHistogram(string name, string help, IReadOnlyList<double> upperBounds, params string[] labelNames) =>
        GetOrCreate(name, help, MetricType.Histogram, labelNames, () => new Histogram(name, help, upperBounds, labelNames));

    /// <summary>Runs <paramref name="callback"/> before every exposition, to refresh values read on demand.</summary>
    public void BeforeCollect(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _beforeCollect = [.. _beforeCollect, callback];
        }
    }

    /// <summary>Writes the whole exposition. Families without series are left out.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var callback in Volatile.Read(ref _beforeCollect))
        {
            callback();
        }

        foreach (var family in Volatile.Read(ref _ordered))
        {
            family.Write(writer);
        }
    }

    /// <summary>Writes the exposition as UTF-8 to <paramref name="stream"/> (without a byte order mark).</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Rendered into pooled memory first: HTTP response streams reject synchronous writes, and a snapshot
        // written in one go keeps the scrape consistent.
        using var buffer = new PooledBufferStream();
        using (var writer = new StreamWriter(buffer, Utf8NoBom, bufferSize: 4 * 1024, leaveOpen: true))
        {
            WriteTo(writer);
        }

        await buffer.DrainToAsync(stream, cancellationToken);
    }

    /// <summary>The exposition as a string (tests, diagnostics).</summary>
    public string Render()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }

    private T GetOrCreate<T>(string name, string help, MetricType type, string[] labelNames, Func<T> create)
        where T : MetricFamily
    {
        MetricNames.ValidateMetricName(name);
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(labelNames);
        lock (_gate)
        {
            if (_families.TryGetValue(name, out var existing))
            {
                if (existing is not T typed || !existing.LabelNames.SequenceEqual(labelNames))
                {
                    throw new InvalidOperationException(
                        $"Metric {name} is already registered as a {existing.Type.ToString().ToLowerInvariant()} " +
                        $"with labels ({string.Join(", ", existing.LabelNames)}).");
                }

                return typed;
            }

            MetricNames.ValidateLabelNames(labelNames, type);
            var created = create();
            _families[name] = created;
            _ordered = [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
            return created;
        }
    }
}
