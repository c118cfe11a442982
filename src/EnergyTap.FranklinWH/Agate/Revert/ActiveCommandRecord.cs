using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.FranklinWH.Agate.Revert;

/// <summary>
/// A command EnergyTap left active on one aGate. <see cref="Deadline"/> null means "no software
/// revert: the command stays until someone releases it". <see cref="Device"/> is the key, e.g.
/// "192.168.1.50:502/1".
/// </summary>
public sealed record ActiveCommandRecord(
    string Device,
    BatteryCommand Command,
    double WSetPct,
    DateTimeOffset IssuedAt,
    DateTimeOffset? Deadline,
    int ProcessId)
{
    public bool IsExpired(DateTimeOffset now) => Deadline is { } deadline && now >= deadline;

    public TimeSpan? Remaining(DateTimeOffset now) => Deadline is { } deadline ? (deadline > now ? deadline - now : TimeSpan.Zero) : null;
}
