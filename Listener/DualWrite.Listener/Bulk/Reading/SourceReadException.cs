using System;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>A source could not be read (after the HTTP pipeline's own retries): the service's answer, as a reason.</summary>
public sealed class SourceReadException : Exception
{
    public SourceReadException()
        : this("The source could not be read.")
    {
    }

    public SourceReadException(string message)
        : base(message)
    {
    }

    public SourceReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceReadException(string map, SyncSide side, ODataError error)
        : base("Map '" + map + "': " + (side == SyncSide.FinOps ? "F&O" : "Dataverse") + " could not be read: " + (error ?? throw new ArgumentNullException(nameof(error))))
    {
        Error = error;
    }

    public ODataError? Error { get; }
}
