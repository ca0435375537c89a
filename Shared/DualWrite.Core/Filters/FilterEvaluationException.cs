using System;

namespace DualWrite.Core.Filters;

/// <summary>
/// A filter compared values that cannot be compared (say a text field with a number). Map validation
/// checks filters against metadata, so reaching this means metadata and data disagree.
/// </summary>
public sealed class FilterEvaluationException : Exception
{
    public FilterEvaluationException()
    {
    }

    public FilterEvaluationException(string message)
        : base(message)
    {
    }

    public FilterEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
