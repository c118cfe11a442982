namespace EnergyTap.SunPower;

/// <summary>How the client has treated the PVS so far.</summary>
public sealed record PvsClientStats(
    long UpstreamRequests,
    long CacheHits,
    long CacheFetches,
    int RebootsDetected,
    double? LastUptimeSeconds,
    int ConsecutiveFailures,
    DateTimeOffset? BackingOffUntil,
    int Logins);
