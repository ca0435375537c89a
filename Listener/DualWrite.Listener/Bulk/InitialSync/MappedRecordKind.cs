namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>What mapping one source row came to.</summary>
public enum MappedRecordKind
{
    /// <summary>Ready for a batch.</summary>
    Ready,

    /// <summary>Outside the map's filter: nothing to write.</summary>
    Filtered,

    /// <summary>A record it refers to is not in the target yet (a parent of its own table): tried again at the end of the map.</summary>
    Waiting,

    /// <summary>It cannot be mapped (a value the map refuses): reported, never written.</summary>
    Failed,
}
