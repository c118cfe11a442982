namespace EnergyTap.FranklinWH.Agate.Health;

/// <summary>One thing the health check noticed, and what to do about it.</summary>
public sealed record HealthFinding(string Code, HealthSeverity Severity, string Message, string Recommendation);

public enum HealthSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>The health check's verdict: healthy when nothing is worse than informational.</summary>
public sealed record HealthReport(DateTimeOffset CheckedAt, IReadOnlyList<HealthFinding> Findings)
{
    public bool Healthy => Findings.All(f => f.Severity == HealthSeverity.Info);
}
