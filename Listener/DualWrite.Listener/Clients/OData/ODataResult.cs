using System;
using System.Diagnostics.CodeAnalysis;

namespace DualWrite.Listener.Clients.OData;

/// <summary>The outcome of one OData call: a value, or the error the service gave.</summary>
public sealed class ODataResult<T>
{
    private ODataResult(T? value, ODataError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ODataError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static ODataResult<T> Success(T value) => new(value, null);

    public static ODataResult<T> Failure(ODataError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The value, or throws with the service's message (for callers that cannot go on without it).</summary>
    public T GetValueOrThrow() => Succeeded ? Value! : throw new ODataCallException(Error);

    public override string ToString() => Succeeded ? "Success: " + Value : Error.ToString();
}
