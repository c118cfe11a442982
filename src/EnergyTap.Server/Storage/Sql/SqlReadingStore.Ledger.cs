using System.Data;
using System.Data.Common;
using EnergyTap.Server.Storage.Control;

namespace EnergyTap.Server.Storage.Sql;

public abstract partial class SqlReadingStore
{
    private const string CommandColumns = "id, site, device, kind, watts, issued_at, revert_deadline, released_at, outcome";

    public Task<ControlCommandRecord> RecordCommandAsync(NewControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.CreateCommand(transaction,
                    "INSERT INTO control_commands (site, device, kind, watts, issued_at, revert_deadline) " +
                    "VALUES (@site, @device, @kind, @watts, @issued, @deadline) RETURNING id");
                insert.AddParameter("@site", DbType.String, command.Site);
                insert.AddParameter("@device", DbType.String, command.Device);
                insert.AddParameter("@kind", DbType.String, command.Kind);
                insert.AddParameter("@watts", DbType.Double, DbCommandExtensions.Finite(command.Watts));
                AddTimeParameter(insert, "@issued", TruncateToMilliseconds(command.IssuedAt));
                AddTimeParameter(insert, "@deadline", TruncateToMilliseconds(command.RevertDeadline));
                var id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                return new ControlCommandRecord(id, command.Site, command.Device, command.Kind, DbCommandExtensions.Finite(command.Watts),
                    TruncateToMilliseconds(command.IssuedAt), TruncateToMilliseconds(command.RevertDeadline), null, null);
            },
            cancellationToken);
    }

    public Task<bool> ReleaseCommandAsync(long id, DateTimeOffset releasedAt, string outcome, CancellationToken cancellationToken = default) =>
        InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await using var update = connection.CreateCommand(transaction,
                    "UPDATE control_commands SET released_at = @released, outcome = @outcome WHERE id = @id AND released_at IS NULL");
                AddTimeParameter(update, "@released", TruncateToMilliseconds(releasedAt));
                update.AddParameter("@outcome", DbType.String, outcome);
                update.AddParameter("@id", DbType.Int64, id);
                return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    public Task<IReadOnlyList<ControlCommandRecord>> OpenCommandsAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync(
            _ => $"SELECT {CommandColumns} FROM control_commands WHERE released_at IS NULL ORDER BY revert_deadline, id",
            ReadCommand,
            cancellationToken);

    public Task<IReadOnlyList<ControlCommandRecord>> RecentCommandsAsync(DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default) =>
        ReadAllAsync(
            command =>
            {
                AddTimeParameter(command, "@since", since);
                command.AddParameter("@limit", DbType.Int32, limit);
                return $"SELECT {CommandColumns} FROM control_commands WHERE issued_at >= @since ORDER BY issued_at DESC, id DESC LIMIT @limit";
            },
            ReadCommand,
            cancellationToken);

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.CreateCommand(transaction,
                    "INSERT INTO audit_log (time, actor, action, detail) VALUES (@time, @actor, @action, @detail)");
                AddTimeParameter(insert, "@time", TruncateToMilliseconds(entry.Time));
                insert.AddParameter("@actor", DbType.String, entry.Actor);
                insert.AddParameter("@action", DbType.String, entry.Action);
                insert.AddParameter("@detail", DbType.String, entry.Detail);
                return await insert.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(DateTimeOffset from, DateTimeOffset to, int limit = 1000, CancellationToken cancellationToken = default) =>
        ReadAllAsync(
            command =>
            {
                AddTimeParameter(command, "@from", from);
                AddTimeParameter(command, "@to", to);
                command.AddParameter("@limit", DbType.Int32, limit);
                return "SELECT time, actor, action, detail FROM audit_log WHERE time >= @from AND time < @to ORDER BY time, id LIMIT @limit";
            },
            reader => new AuditEntry(ReadTime(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3)),
            cancellationToken);

    private ControlCommandRecord ReadCommand(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetNullableDouble(4),
            ReadTime(reader, 5), ReadTime(reader, 6), reader.IsDBNull(7) ? null : ReadTime(reader, 7), reader.GetNullableString(8));
}
