using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Conformance;

/// <summary>
/// One built-in diagnostic: the feature it tests, the file it ships as (examples/diagnostics/), the points whose
/// writes decide the verdict, and its sequence text. Steps named "Probe: ..." carry the writes that are judged.
/// </summary>
public sealed record ConformanceDiagnostic(string Feature, string FileName, IReadOnlyList<string> ProbePoints, string Json)
{
    public const string ProbePrefix = "Probe:";

    public const string ActivePower = "Active power control (WSetPct)";
    public const string PowerFactor = "Power factor enable (PFWInjEna)";
    public const string Curtailment = "Curtailment (WMaxLimPct)";
    public const string ReactivePower = "Reactive power (VarSet)";
    public const string Heartbeat = "Controller heartbeat (ControllerHb)";
    public const string Reversion = "Reversion timer (WSetRvrtTms)";
    public const string Ramp = "Ramp rate (WRmp)";

    /// <summary>Every diagnostic in the order the suite runs them.</summary>
    public static IReadOnlyList<ConformanceDiagnostic> All { get; } =
    [
        new(ActivePower, "active_power_conformance.json", ["704.WSetPct", "704.WSetEna"], DiagnosticTexts.ActivePower),
        new(PowerFactor, "power_factor_conformance.json", ["704.PFWInjEna"], DiagnosticTexts.PowerFactor),
        new(Curtailment, "curtailment_conformance.json", ["704.WMaxLimPct", "704.WMaxLimPctEna"], DiagnosticTexts.Curtailment),
        new(ReactivePower, "reactive_power_conformance.json", ["704.VarSet", "704.VarSetEna"], DiagnosticTexts.ReactivePower),
        new(Heartbeat, "heartbeat_conformance.json", ["715.ControllerHb"], DiagnosticTexts.Heartbeat),
        new(Reversion, "reversion_conformance.json", ["704.WSetRvrtTms"], DiagnosticTexts.Reversion),
        new(Ramp, "ramp_conformance.json", ["704.WRmp"], DiagnosticTexts.Ramp),
    ];

    public Sequence Load() => SequenceLoader.Parse(Json, $"built-in {FileName}");
}
