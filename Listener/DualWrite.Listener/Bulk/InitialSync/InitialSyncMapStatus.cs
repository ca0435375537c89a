namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>How one map's load ended.</summary>
public enum InitialSyncMapStatus
{
    /// <summary>Every row read and every batch settled (records may have failed: see the counts).</summary>
    Completed,

    /// <summary>The map could not run to its end: its source could not be read, or a store failed.</summary>
    Failed,

    /// <summary>Cancelled; its checkpoint lets <c>--resume</c> continue.</summary>
    Interrupted,

    /// <summary>Not started: an earlier wave did not complete, or an unfinished run needs --resume or --restart.</summary>
    NotRun,
}
