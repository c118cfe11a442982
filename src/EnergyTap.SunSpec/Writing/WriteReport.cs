namespace EnergyTap.SunSpec.Writing;

/// <summary>The per-point results of one verified write, in the caller's order.</summary>
public sealed record WriteReport(IReadOnlyList<PointWriteResult> Results)
{
    /// <summary>True when every point was verified (or overwritten later in the same call by a verified write).</summary>
    public bool AllVerified => Results.All(r => r.Outcome is WriteOutcome.Verified or WriteOutcome.Overwritten);

    /// <summary>FC 16 requests sent (one per run of adjacent points).</summary>
    public int WriteRequests { get; init; }

    /// <summary>Reads spent on scale factors before and on verification after.</summary>
    public int ReadRequests { get; init; }
}
