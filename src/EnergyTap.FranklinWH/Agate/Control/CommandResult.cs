using EnergyTap.FranklinWH.Agate.Revert;

namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>A command that was written and read back.</summary>
public sealed record CommandResult(
    BatteryCommand Requested,
    BatteryCommand Sent,
    double WSetPct,
    short WSetPctRaw,
    PowerRatings Ratings,
    DateTimeOffset? Deadline);

/// <summary>A release that was written and read back; <see cref="Released"/> is what the store remembered, if anything.</summary>
public sealed record ReleaseResult(ActiveCommandRecord? Released, bool WasEnabled);

/// <summary>The software revert timer for the active command, and who holds it (<see cref="ActiveCommandRecord.HeldBy"/>).</summary>
public sealed record CommandTimerStatus(bool Active, BatteryCommand? Command, DateTimeOffset? Deadline, TimeSpan? Remaining, bool Expired, string? HeldBy = null, int? ProcessId = null)
{
    public static CommandTimerStatus None { get; } = new(false, null, null, null, false);

    public static CommandTimerStatus From(ActiveCommandRecord? record, DateTimeOffset now) =>
        record is null ? None : new(true, record.Command, record.Deadline, record.Remaining(now), record.IsExpired(now), record.HeldBy, record.ProcessId);
}
