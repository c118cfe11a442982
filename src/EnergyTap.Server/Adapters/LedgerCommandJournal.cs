using System.Globalization;
using EnergyTap.Server.Control;
using EnergyTap.Server.Storage.Control;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Adapters;

/// <summary>The supervisor's journal kept in the history database (control_commands and audit_log tables).</summary>
public sealed class LedgerCommandJournal(IControlLedger ledger) : ICommandJournal
{
    public async Task<string> RecordIssuedAsync(ActiveCommand command, CancellationToken cancellationToken)
    {
        var record = await ledger.RecordCommandAsync(
            new NewControlCommand(command.Site, command.Device, command.Kind.ToString().ToLowerInvariant(), command.Watts, command.IssuedAt, command.Deadline),
            cancellationToken);
        return record.Id.ToString(CultureInfo.InvariantCulture);
    }

    public Task RecordEndedAsync(string commandId, DateTimeOffset endedAt, string outcome, CancellationToken cancellationToken) =>
        ledger.ReleaseCommandAsync(long.Parse(commandId, CultureInfo.InvariantCulture), endedAt, outcome, cancellationToken);

    public async Task<IReadOnlyList<ActiveCommand>> ActiveAsync(CancellationToken cancellationToken) =>
        (await ledger.OpenCommandsAsync(cancellationToken))
            .Select(c => new ActiveCommand(
                c.Id.ToString(CultureInfo.InvariantCulture), c.Site, c.Device,
                Enum.TryParse<BatteryCommandKind>(c.Kind, ignoreCase: true, out var kind) ? kind : BatteryCommandKind.Idle,
                c.Watts ?? 0, c.IssuedAt, c.RevertDeadline, "journal"))
            .ToList();

    public Task AuditAsync(DateTimeOffset time, string actor, string action, string detail, CancellationToken cancellationToken) =>
        ledger.AppendAuditAsync(new AuditEntry(time, actor, action, detail), cancellationToken);
}
