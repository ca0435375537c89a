namespace DualWrite.Listener.ErrorQueue;

/// <summary>Where an error-queue entry is in its life.</summary>
public enum ErrorEntryStatus
{
    /// <summary>Failed and waiting for a person: retry or discard.</summary>
    Open,

    /// <summary>Sent back through the ordered path; resolved when it applies, open again when it fails.</summary>
    Retrying,

    /// <summary>Applied after a retry (kept for the retention period).</summary>
    Resolved,

    /// <summary>Dropped by an operator with a reason (kept for the retention period).</summary>
    Discarded,
}
