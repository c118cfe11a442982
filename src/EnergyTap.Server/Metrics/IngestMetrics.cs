using EnergyTap.Server.Storage.Ingest;

namespace EnergyTap.Server.Metrics;

/// <summary>
/// Whether history keeps up: <c>energytap_readings_stored_total</c>, <c>energytap_readings_dropped_total</c> (the
/// buffer overflowed while the store was slow or down) and <c>energytap_readings_pending</c>, refreshed on every scrape.
/// </summary>
public static class IngestMetrics
{
    /// <summary>Registers the ingest metrics of <paramref name="writer"/> in <paramref name="registry"/>.</summary>
    public static void Register(MetricRegistry registry, ReadingWriter writer)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(writer);
        var stored = registry.GetOrCreateCounter("energytap_readings_stored_total", "Readings written to the history store.").WithLabels();
        var dropped = registry.GetOrCreateCounter("energytap_readings_dropped_total", "Readings dropped because the store could not keep up or was down.").WithLabels();
        var pending = registry.GetOrCreateGauge("energytap_readings_pending", "Readings accepted but not yet written to the store.").WithLabels();
        registry.BeforeCollect(() =>
        {
            stored.Set(writer.WrittenCount);
            dropped.Set(writer.DroppedCount);
            pending.Set(writer.PendingCount);
        });
    }
}
