namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>What to do with a map's earlier run.</summary>
public enum InitialSyncMode
{
    /// <summary>Start each map; refuse a map whose earlier run is unfinished (say --resume or --restart).</summary>
    Fresh,

    /// <summary>Continue unfinished runs from their checkpoint; start maps that have none or whose run completed.</summary>
    Resume,

    /// <summary>Start every map from its first row, whatever ran before.</summary>
    Restart,
}
