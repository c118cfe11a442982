namespace EnergyTap.FranklinWH.Agate.Health;

/// <summary>
/// What the health rules look at: the control registers, the command EnergyTap believes it owns,
/// raw values that must stay within sane bounds, and a few live readings taken over time.
/// </summary>
public sealed record HealthSample(
    DateTimeOffset Now,
    int? WSetEna,
    int? WSetMod,
    double? WSetPct,
    double? WSet,
    int? PFWInjEna,
    bool CommandOwned,
    bool CommandExpired,
    IReadOnlyList<BoundedValue> Bounded,
    IReadOnlyList<LiveSample> Live);

/// <summary>A decoded value with the range a real aGate can produce (0xFFFF-ish garbage falls outside).</summary>
public sealed record BoundedValue(string Name, double? Value, double Minimum, double Maximum);

/// <summary>Live readings at one moment; they should move between samples on a working aGate.</summary>
public sealed record LiveSample(DateTimeOffset At, double? SocPercent, double? DcWatts, double? HomeLoadWatts, double? GridWatts);
