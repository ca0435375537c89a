namespace DualWrite.Listener.Inbox;

/// <summary>Where an inbox event is in its life. Stored by name, so the tables stay readable.</summary>
public enum InboxEventState
{
    /// <summary>Waiting to be applied (now, or at its next attempt time).</summary>
    Pending = 0,

    /// <summary>Claimed by a worker instance until its lease expires.</summary>
    Leased = 1,

    /// <summary>Done: written to Dataverse.</summary>
    Applied = 2,

    /// <summary>Done: nothing to write (an echo, filtered out, superseded) or discarded by an operator.</summary>
    Skipped = 3,

    /// <summary>Waiting for another record to arrive, or for its fallback attempt time.</summary>
    Parked = 4,

    /// <summary>Failed permanently: in the error queue, blocking the record's later events until retried or discarded.</summary>
    Failed = 5,
}
