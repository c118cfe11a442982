using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Conformance;

/// <summary>
/// What one diagnostic found about one feature, with the evidence ("wrote 704.WMaxLimPctEna=1, read back 0") and a
/// note for anything else worth knowing (the aGate's inverted WSetPct sign). <see cref="Run"/> has every step.
/// </summary>
public sealed record ConformanceFinding(string Feature, IReadOnlyList<string> Points, ConformanceVerdict Verdict, string Evidence)
{
    public string? Note { get; init; }

    public SequenceResult? Run { get; init; }
}

/// <summary>All findings, in the order the diagnostics ran. <see cref="Released"/>: the last release of control read back 0.</summary>
public sealed record ConformanceReport(IReadOnlyList<ConformanceFinding> Findings, bool Released)
{
    /// <summary>Points the run wrote whose original value could not be written back and verified.</summary>
    public IReadOnlyList<string> NotRestored { get; init; } = [];

    public ConformanceFinding? Find(string feature) => Findings.FirstOrDefault(f => f.Feature == feature);
}
