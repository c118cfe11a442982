namespace EnergyTap.Server.Fleet;

/// <summary>One row of <c>site_leases</c>: who polls a site and until when (null owner = free).</summary>
public sealed record SiteLease(string Site, string? Owner, DateTimeOffset ExpiresAt)
{
    public bool IsHeldBy(string instance, DateTimeOffset now) => Owner == instance && ExpiresAt > now;
}

/// <summary>What one renewal round left this instance with.</summary>
/// <param name="Owned">The sites this instance now holds, and until when.</param>
/// <param name="Leases">Every configured site's lease as the database has it after the round.</param>
/// <param name="LiveInstances">Instances whose heartbeat has not expired, this one included.</param>
public sealed record LeaseRound(
    IReadOnlyDictionary<string, DateTimeOffset> Owned,
    IReadOnlyList<SiteLease> Leases,
    int LiveInstances);
