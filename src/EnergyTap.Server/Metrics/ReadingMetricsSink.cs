using System.Collections.Concurrent;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Metrics;

/// <summary>
/// Turns <see cref="Reading"/>s into Prometheus series named after <see cref="QuantityCatalog"/>
/// (<c>energytap_&lt;quantity&gt;_&lt;unit&gt;{site,device}</c>; running totals are counters ending in <c>_total</c>;
/// energy in Wh is exposed in joules, Prometheus' base unit: <c>energytap_solar_energy_joules_total</c> = Wh × 3600).
/// <para>
/// Quality handling: a <see cref="ReadingQuality.Missing"/> reading removes the value series (no invented
/// zeros in graphs; Prometheus marks it stale) and sets <c>energytap_reading_up{site,device,quantity}</c> to 0.
/// A fresh or stale reading with a value sets the series and <c>energytap_reading_up</c> to 1;
/// <c>energytap_reading_stale</c> is 1 while the device reports old data. A stale reading without a value
/// keeps the last value. Readings carry no timestamps into the exposition: Prometheus stamps scrapes itself.
/// </para>
/// </summary>
public sealed class ReadingMetricsSink
{
    /// <summary>1 while a value series is exposed for (site, device, quantity), 0 after a missing reading.</summary>
    public const string ReadingUpMetric = "energytap_reading_up";

    /// <summary>1 while the device flags its data as old, else 0.</summary>
    public const string ReadingStaleMetric = "energytap_reading_stale";

    private static readonly string[] ValueLabels = ["site", "device"];
    private static readonly string[] StatusLabels = ["site", "device", "quantity"];

    private readonly MetricRegistry _registry;
    private readonly Gauge _up;
    private readonly Gauge _stale;
    private readonly ConcurrentDictionary<(string Site, string Device, string Quantity, string Unit), Binding> _bindings = new();

    /// <summary>Creates a sink that writes into <paramref name="registry"/>.</summary>
    public ReadingMetricsSink(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _up = registry.GetOrCreateGauge(ReadingUpMetric,
            "1 when the latest reading of this quantity has a value, 0 when the device did not answer.", StatusLabels);
        _stale = registry.GetOrCreateGauge(ReadingStaleMetric,
            "1 when the device flagged the latest reading of this quantity as old data, else 0.", StatusLabels);
    }

    /// <summary>Applies one reading to the registry.</summary>
    public void Record(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var key = (reading.Site, reading.Device, reading.Quantity, reading.Unit);
        var binding = _bindings.GetOrAdd(key, static (k, sink) => sink.Bind(k.Site, k.Device, k.Quantity, k.Unit), this);
        lock (binding)
        {
            if (reading.Quality != ReadingQuality.Missing && reading.Value is { } value)
            {
                binding.SetValue(value * binding.Scale);
            }
            else if (reading.Quality == ReadingQuality.Missing)
            {
                binding.RemoveValue();
            }

            binding.Up.Set(binding.HasValue ? 1 : 0);
            binding.Stale.Set(reading.Quality == ReadingQuality.Stale ? 1 : 0);
        }
    }

    /// <summary>Applies several readings (one poll).</summary>
    public void Record(IEnumerable<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        foreach (var reading in readings)
        {
            Record(reading);
        }
    }

    private Binding Bind(string site, string device, string quantity, string unit)
    {
        var info = QuantityCatalog.Describe(quantity, unit);
        MetricFamily family = info.Kind == QuantityKind.Counter
            ? _registry.GetOrCreateCounter(info.MetricName, info.Description, ValueLabels)
            : _registry.GetOrCreateGauge(info.MetricName, info.Description, ValueLabels);
        return new Binding(family, site, device, info.MetricScale,
            _up.WithLabels(site, device, quantity), _stale.WithLabels(site, device, quantity));
    }

    /// <summary>The series one (site, device, quantity, unit) writes to, looked up once.</summary>
    private sealed class Binding(MetricFamily family, string site, string device, double scale, GaugeSeries up, GaugeSeries stale)
    {
        private GaugeSeries? _gauge;
        private CounterSeries? _counter;

        public double Scale { get; } = scale;

        public GaugeSeries Up { get; } = up;

        public GaugeSeries Stale { get; } = stale;

        public bool HasValue => _gauge is not null || _counter is not null;

        public void SetValue(double value)
        {
            switch (family)
            {
                case Counter counter:
                    (_counter ??= counter.WithLabels(site, device)).Set(value);
                    break;
                case Gauge gauge:
                    (_gauge ??= gauge.WithLabels(site, device)).Set(value);
                    break;
            }
        }

        public void RemoveValue()
        {
            switch (family)
            {
                case Counter counter:
                    counter.Remove(site, device);
                    break;
                case Gauge gauge:
                    gauge.Remove(site, device);
                    break;
            }

            _gauge = null;
            _counter = null;
        }
    }
}
