using System;

namespace DualWrite.Listener.Clients.OData;

/// <summary>Thrown only by <see cref="ODataResult{T}.GetValueOrThrow"/>: carries the service's error.</summary>
public sealed class ODataCallException : Exception
{
    public ODataCallException()
        : this("The OData call failed.")
    {
    }

    public ODataCallException(string message)
        : base(message)
    {
    }

    public ODataCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ODataCallException(ODataError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    public ODataError? Error { get; }
}
