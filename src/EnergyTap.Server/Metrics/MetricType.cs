namespace EnergyTap.Server.Metrics;

/// <summary>The Prometheus metric types this registry exposes.</summary>
public enum MetricType
{
    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>A running total; the name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>Observations counted into cumulative buckets, with their sum and count.</summary>
    Histogram,
}
