namespace EnergyTap.Server.Storage.Control;

/// <summary>A command the supervisor is about to send: what, to which device, and when it must be reverted.</summary>
public sealed record NewControlCommand(
    string Site,
    string Device,
    string Kind,
    double? Watts,
    DateTimeOffset IssuedAt,
    DateTimeOffset RevertDeadline);

/// <summary>A stored command; <see cref="ReleasedAt"/> and <see cref="Outcome"/> are null while it is still in force.</summary>
public sealed record ControlCommandRecord(
    long Id,
    string Site,
    string Device,
    string Kind,
    double? Watts,
    DateTimeOffset IssuedAt,
    DateTimeOffset RevertDeadline,
    DateTimeOffset? ReleasedAt,
    string? Outcome);
