namespace DualWrite.Listener.ErrorQueue;

/// <summary>Where a failure came from.</summary>
public enum ErrorSource
{
    /// <summary>A live change event that failed for good (it holds its record's later events back).</summary>
    Event,

    /// <summary>A record a bulk run (initial sync, reconcile fix) could not write.</summary>
    Bulk,
}
