namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// An item the target refused on its own (after splitting), or one a transient failure kept out
/// (<paramref name="Transient"/>: worth retrying later unchanged). <paramref name="Field"/> names the field
/// when the target's reason does.
/// </summary>
public sealed record BulkItemError(BulkItem Item, string Reason, string? Field, int StatusCode, bool Transient);
