namespace DualWrite.Core.Pausing;

/// <summary>
/// DualWrite's own Dataverse table <c>dw_queuedchange</c>: a Dataverse save of a paused map whose step says
/// <c>"onPaused": "queue"</c>. The plug-in writes the F&amp;O request it would have sent (already mapped, lookups
/// already codes) inside the save's transaction, so the row exists exactly when the save committed; the listener
/// sends the rows to F&amp;O in <see cref="Sequence"/> order once the map runs again and deletes each one sent.
/// </summary>
public static class QueuedChangeTable
{
    public const string LogicalName = "dw_queuedchange";

    public const string EntitySet = "dw_queuedchanges";

    public const string Id = "dw_queuedchangeid";

    /// <summary>The record as users name it: <c>account US-001 (usmf)</c>.</summary>
    public const string Name = "dw_name";

    /// <summary>The map's name.</summary>
    public const string Map = "dw_map";

    /// <summary>The F&amp;O entity set (<c>CustomersV3</c>): where a create is posted.</summary>
    public const string EntitySetName = "dw_entityset";

    /// <summary>The F&amp;O record's OData path: <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    public const string FinOpsRecord = "dw_fnorecord";

    /// <summary>The F&amp;O request method: POST, PATCH or DELETE.</summary>
    public const string Operation = "dw_operation";

    /// <summary>The request's JSON body (none for DELETE).</summary>
    public const string Body = "dw_body";

    /// <summary>
    /// The save's position: the ticks of the operation's creation time (the platform's, never the sandbox's
    /// clock). Saves of one record are serialized by its row lock, so their order is the order of this value.
    /// </summary>
    public const string Sequence = "dw_sequence";

    /// <summary>How often the listener tried to send the change and F&amp;O refused it.</summary>
    public const string Attempts = "dw_attempts";

    /// <summary>F&amp;O's last refusal, kept for the operator (null until one).</summary>
    public const string LastError = "dw_lasterror";

    /// <summary>The longest <see cref="Name"/> the table holds; longer names are cut.</summary>
    public const int NameLength = 200;

    /// <summary>The longest <see cref="LastError"/> the table holds; longer reasons are cut.</summary>
    public const int LastErrorLength = 4000;
}
