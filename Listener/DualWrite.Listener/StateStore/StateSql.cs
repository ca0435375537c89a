using System;
using System.Data.Common;

namespace DualWrite.Listener.StateStore;

/// <summary>ADO.NET helpers every state store uses: commands, parameters, nullable columns and stored times.</summary>
internal static class StateSql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is built from constants in the stores; values always go in parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Times are stored as Unix milliseconds (BIGINT).</summary>
    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
