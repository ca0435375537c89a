namespace DualWrite.Listener.Processing;

public enum ApplyOutcomeKind
{
    /// <summary>Written to Dataverse: the event is done and records parked on its record wake up.</summary>
    Applied = 0,

    /// <summary>Nothing to write (echo, filtered out, superseded): the event is done.</summary>
    Skipped = 1,

    /// <summary>Transient: try again after a delay (given, or the worker's jittered exponential backoff).</summary>
    RetryLater = 2,

    /// <summary>Parked until another record arrives (or a map resumes), with a fallback retry time.</summary>
    WaitForRecord = 3,

    /// <summary>Permanent: to the error queue with the reason; the record's later events wait behind it.</summary>
    Failed = 4,
}
