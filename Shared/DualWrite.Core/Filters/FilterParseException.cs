using System;

namespace DualWrite.Core.Filters;

/// <summary>Thrown by <see cref="FilterParser.Parse"/>; <see cref="Error"/> has the details.</summary>
public sealed class FilterParseException : FormatException
{
    public FilterParseException()
    {
    }

    public FilterParseException(string message)
        : base(message)
    {
    }

    public FilterParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FilterParseException(FilterParseError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message)
    {
        Error = error;
    }

    public FilterParseError? Error { get; }

    public int Position => Error?.Position ?? 0;
}
