namespace DualWrite.Core.Ledger;

/// <summary>
/// DualWrite's own Dataverse table <c>dw_writethrough</c>: one row per write-through, created by the plug-in
/// inside the Dataverse transaction of the save it sends to F&amp;O. The row commits with the save or not at all,
/// so the listener tells an F&amp;O change of a committed save (row present) from one whose save rolled back
/// (no row after the settle time) and reverts the latter in F&amp;O. The listener deletes the rows it has matched.
/// </summary>
public static class WriteThroughLedgerTable
{
    public const string LogicalName = "dw_writethrough";

    public const string EntitySet = "dw_writethroughs";

    public const string Id = "dw_writethroughid";

    /// <summary>The record as users name it: <c>account US-001 (usmf)</c>.</summary>
    public const string Name = "dw_name";

    /// <summary>The map's name.</summary>
    public const string Map = "dw_map";

    /// <summary>The F&amp;O record's OData path: <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    public const string FinOpsRecord = "dw_fnorecord";

    /// <summary>The F&amp;O request method: POST, PATCH or DELETE.</summary>
    public const string Operation = "dw_operation";

    /// <summary>The longest <see cref="Name"/> the table holds; longer names are cut.</summary>
    public const int NameLength = 200;
}
