using System;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Checkpoints;

/// <summary>
/// One map's initial sync position, per direction and company (empty: all companies). <paramref name="CursorJson"/>
/// is the contiguous watermark (a <see cref="Reading.RecordCursor"/>): every row up to it is committed, so a resumed
/// run reads after it. Counts are the run's totals so far.
/// </summary>
public sealed record SyncCheckpoint(
    string Map,
    SyncDirection Direction,
    string Company,
    string RunId,
    CheckpointStatus Status,
    string? CursorJson,
    long Read,
    long Written,
    long Failed,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsUnfinished => Status != CheckpointStatus.Completed;
}
