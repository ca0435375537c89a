using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>
/// What to read: the map's rows on <paramref name="Side"/> (F&amp;O with its filter, or Dataverse), only
/// <paramref name="Company"/> when set (F&amp;O dataAreaId, or the Dataverse company lookup), rows after
/// <paramref name="After"/> in key order, pages of at most <paramref name="PageSize"/> rows.
/// </summary>
public sealed record SourceReadRequest(TableMap Map, SyncSide Side, string? Company, RecordCursor? After, int PageSize);
