using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.FranklinWH.Agate.Revert;

/// <summary>
/// A command EnergyTap left active on one aGate. <see cref="Deadline"/> null means "no software
/// revert: the command stays until someone releases it". <see cref="Device"/> is the key, e.g.
/// "192.168.1.50:502/1". <see cref="Owner"/> says who holds it when that is not a plain CLI run
/// (e.g. "EnergyTap server, command 12 from api:127.0.0.1"): that owner releases it at the deadline,
/// so every other EnergyTap process can show whose command it is instead of calling it abandoned.
/// </summary>
public sealed record ActiveCommandRecord(
    string Device,
    BatteryCommand Command,
    double WSetPct,
    DateTimeOffset IssuedAt,
    DateTimeOffset? Deadline,
    int ProcessId,
    string? Owner = null)
{
    public bool IsExpired(DateTimeOffset now) => Deadline is { } deadline && now >= deadline;

    public TimeSpan? Remaining(DateTimeOffset now) => Deadline is { } deadline ? (deadline > now ? deadline - now : TimeSpan.Zero) : null;

    /// <summary>Who holds the command, for people: the owner's own words, else the CLI process.</summary>
    public string HeldBy => Owner ?? $"energytap process {ProcessId}";
}
