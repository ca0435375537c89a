namespace DualWrite.Listener.Bulk.Checkpoints;

/// <summary>Where a map's initial sync run stands.</summary>
public enum CheckpointStatus
{
    /// <summary>Started and not finished: it is running, was interrupted or crashed. <c>--resume</c> continues it.</summary>
    Running,

    /// <summary>Every row was read and every batch committed (some records may have failed).</summary>
    Completed,

    /// <summary>The map could not run to its end (its source was unreadable); <c>--resume</c> continues it.</summary>
    Failed,
}
