using System;
using System.Globalization;

namespace DualWrite.Core.Keys;

/// <summary>A key predicate or entity path that does not follow the OData key syntax.</summary>
public sealed class ODataKeyParseException : FormatException
{
    public ODataKeyParseException()
    {
    }

    public ODataKeyParseException(string message)
        : base(message)
    {
    }

    public ODataKeyParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ODataKeyParseException(string text, int position, string reason)
        : base(string.Format(CultureInfo.InvariantCulture, "Invalid OData key \"{0}\" at position {1}: {2}", text, position, reason))
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>1-based position in the (percent-decoded) text.</summary>
    public int Position { get; }

    public string Reason { get; } = string.Empty;
}
