using System;
using System.Data.Common;
using System.Diagnostics;

namespace DualWrite.Listener.StateStore;

/// <summary>ADO.NET helpers every state store uses: commands, parameters, nullable columns and stored times.</summary>
internal static class StateSql
{
    /// <summary>The listener named <see cref="DiagnosticsName"/> sees each statement's text as a command is made (event <c>Command</c>).</summary>
    public const string DiagnosticsName = "DualWrite.StateStore";

    // Lets a test (or a profiler) see every SQL text: values never belong in it. Costs nothing without a subscriber.
    private static readonly DiagnosticListener Diagnostics = new(DiagnosticsName);

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        if (Diagnostics.IsEnabled("Command"))
        {
            Diagnostics.Write("Command", sql);
        }

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
