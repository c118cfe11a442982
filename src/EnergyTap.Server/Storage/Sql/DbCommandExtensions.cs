using System.Data;
using System.Data.Common;

namespace EnergyTap.Server.Storage.Sql;

/// <summary>Provider-neutral parameter plumbing, so the shared SQL runs unchanged on SQLite and PostgreSQL.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand CreateCommand(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbParameter AddParameter(this DbCommand command, string name, DbType type, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static void Set(this DbParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;

    public static double? GetNullableDouble(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>NaN and infinities are not measurements; they are stored as "no value".</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
