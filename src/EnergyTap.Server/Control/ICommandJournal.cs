namespace EnergyTap.Server.Control;

/// <summary>
/// Durable record of commands and of every control action. A command is written here before the
/// battery is touched, so that a process killed mid-command still leaves a deadline for the next
/// start to honour.
/// </summary>
public interface ICommandJournal
{
    /// <summary>Stores a new command (its <see cref="ActiveCommand.Id"/> is ignored) and returns the id it is kept under.</summary>
    Task<string> RecordIssuedAsync(ActiveCommand command, CancellationToken cancellationToken);

    Task RecordEndedAsync(string commandId, DateTimeOffset endedAt, string outcome, CancellationToken cancellationToken);

    /// <summary>Commands issued and not yet ended, oldest first.</summary>
    Task<IReadOnlyList<ActiveCommand>> ActiveAsync(CancellationToken cancellationToken);

    Task AuditAsync(DateTimeOffset time, string actor, string action, string detail, CancellationToken cancellationToken);
}
