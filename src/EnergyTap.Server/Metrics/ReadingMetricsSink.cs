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
        var info = QuantityCatalog.Describe(reading.Quantity, reading.Unit);
        MetricFamily family = info.Kind == QuantityKind.Counter
            ? _registry.GetOrCreateCounter(info.MetricName, info.Description, ValueLabels)
            : _registry.GetOrCreateGauge(info.MetricName, info.Description, ValueLabels);

        var hasValue = reading.Quality != ReadingQuality.Missing && reading.Value is not null;
        if (hasValue)
        {
            var value = reading.Value!.Value * info.MetricScale;
            switch (family)
            {
                case Counter counter:
                    counter.WithLabels(reading.Site, reading.Device).Set(value);
                    break;
                case Gauge gauge:
                    gauge.WithLabels(reading.Site, reading.Device).Set(value);
                    break;
            }
        }
        else if (reading.Quality == ReadingQuality.Missing)
        {
            Remove(family, reading.Site, reading.Device);
        }

        var exposed = Exposes(family, reading.Site, reading.Device);
        _up.WithLabels(reading.Site, reading.Device, reading.Quantity).Set(exposed ? 1 : 0);
        _stale.WithLabels(reading.Site, reading.Device, reading.Quantity).Set(reading.Quality == ReadingQuality.Stale ? 1 : 0);
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

    private static void Remove(MetricFamily family, string site, string device)
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
    }

    private static bool Exposes(MetricFamily family, string site, string device) => family switch
    {
        Counter counter => counter.Contains(site, device),
        Gauge gauge => gauge.Contains(site, device),
        _ => false,
    };
}
