using System;
using DualWrite.Core.Records;

namespace DualWrite.Core.Transforms;

/// <summary>The outcome of one transform step: a value, or why there is none (an expected failure, not an exception).</summary>
public readonly struct TransformResult
{
    private TransformResult(RecordValue? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The transformed value; null when the step failed.</summary>
    public RecordValue? Value { get; }

    /// <summary>The reason, phrased to follow "field F value V for key K": "has no entry in the value map".</summary>
    public string? Error { get; }

    public bool Succeeded => Error is null;

    public static TransformResult Success(RecordValue value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static TransformResult Failure(string error) => new(null, string.IsNullOrEmpty(error) ? throw new ArgumentException("Say why.", nameof(error)) : error);
}
