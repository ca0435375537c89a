using System;
using System.Globalization;

namespace DualWrite.Core.Json;

/// <summary>Malformed JSON, with the 1-based position of the problem.</summary>
public sealed class JsonParseException : Exception
{
    public JsonParseException()
    {
    }

    public JsonParseException(string message)
        : base(message)
    {
    }

    public JsonParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JsonParseException(int line, int column, string reason)
        : base(string.Format(CultureInfo.InvariantCulture, "Invalid JSON at line {0}, column {1}: {2}", line, column, reason))
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The message without the position prefix, e.g. "expected ':' after the property name but found '}'".</summary>
    public string Reason { get; } = string.Empty;
}
