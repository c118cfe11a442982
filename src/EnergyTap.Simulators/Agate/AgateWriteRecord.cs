namespace EnergyTap.Simulators.Agate;

/// <summary>
/// One client write as the simulated aGate received it: what was sent, which points it touched, and
/// which of them the firmware silently discarded. Tests use the log to prove nothing was written.
/// </summary>
public sealed record AgateWriteRecord(
    DateTimeOffset At,
    byte UnitId,
    ushort Address,
    IReadOnlyList<ushort> Values,
    IReadOnlyList<string> Points,
    IReadOnlyList<string> Discarded);
