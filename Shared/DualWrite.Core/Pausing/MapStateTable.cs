namespace DualWrite.Core.Pausing;

/// <summary>
/// DualWrite's own Dataverse table <c>dw_mapstate</c>: one row per map, the listener's mirror of the map's state.
/// The plug-in runs in Dataverse's sandbox and cannot ask the listener, so it reads its map's row on each save
/// (by the name, the table's alternate key) to know whether the map is running, paused or stopped.
/// </summary>
public static class MapStateTable
{
    public const string LogicalName = "dw_mapstate";

    public const string EntitySet = "dw_mapstates";

    public const string Id = "dw_mapstateid";

    /// <summary>The map's name: the primary name column and the alternate key.</summary>
    public const string Name = "dw_name";

    /// <summary>The map's state, as the listener names it (<see cref="MapStateNames"/>).</summary>
    public const string State = "dw_state";

    /// <summary>Why the map was paused or stopped, when the operator said (null otherwise).</summary>
    public const string Reason = "dw_reason";

    /// <summary>When the listener saw the state change (UTC).</summary>
    public const string ChangedOn = "dw_changedon";

    /// <summary>
    /// True while changes the plug-in queued wait to be sent to F&amp;O: set by the plug-in with the first queued
    /// change, cleared by the listener once it has sent them all. New saves queue behind them, so F&amp;O gets
    /// every record's changes in the order they were saved.
    /// </summary>
    public const string HasQueuedChanges = "dw_hasqueuedchanges";

    /// <summary>The alternate key's name (on <see cref="Name"/>).</summary>
    public const string NameKey = "dw_mapstate_name";

    /// <summary>The longest map name the table holds.</summary>
    public const int NameLength = 100;

    /// <summary>The longest reason the table holds; longer reasons are cut.</summary>
    public const int ReasonLength = 1000;
}
