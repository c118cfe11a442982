namespace EnergyTap.SunPower.Proxy;

/// <summary>What the proxy has done, like haproxy's stats page but about politeness.</summary>
public sealed record PvsProxyStats(
    DateTimeOffset StartedAt,
    long ClientRequests,
    long UpstreamCalls,
    long CacheHits,
    long StaleServed,
    long Errors,
    double AverageUpstreamMilliseconds,
    double MaxUpstreamMilliseconds,
    double? PvsUptimeSeconds,
    int PvsRebootsDetected,
    DateTimeOffset? BackingOffUntil);
