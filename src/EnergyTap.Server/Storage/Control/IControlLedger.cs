namespace EnergyTap.Server.Storage.Control;

/// <summary>
/// The safe-control supervisor's persistent memory: every command it issued with its revert deadline, so a
/// restarted service can still revert what a crashed one left behind, and an append-only audit log.
/// Lives in the same database as the readings.
/// </summary>
public interface IControlLedger : IAsyncDisposable
{
    /// <summary>Stores a newly issued command and returns it with its id.</summary>
    Task<ControlCommandRecord> RecordCommandAsync(NewControlCommand command, CancellationToken cancellationToken = default);

    /// <summary>Marks a command as released (reverted, expired, superseded...). False when unknown or already released.</summary>
    Task<bool> ReleaseCommandAsync(long id, DateTimeOffset releasedAt, string outcome, CancellationToken cancellationToken = default);

    /// <summary>Commands not yet released, the earliest revert deadline first.</summary>
    Task<IReadOnlyList<ControlCommandRecord>> OpenCommandsAsync(CancellationToken cancellationToken = default);

    /// <summary>Commands issued at or after <paramref name="since"/>, the newest first.</summary>
    Task<IReadOnlyList<ControlCommandRecord>> RecentCommandsAsync(DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Audit entries in [from, to), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(DateTimeOffset from, DateTimeOffset to, int limit = 1000, CancellationToken cancellationToken = default);
}
