using System;
using System.Collections.Generic;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Conflicts;

/// <summary>
/// Everything the conflict rules need for one record: the map, each mapped field's three versions, and
/// when each side last modified the record (for last-writer-wins). Times are UTC and optional: F&amp;O
/// data entities rarely expose a modification time, so callers pass the change event's time.
/// </summary>
public sealed class ConflictRequest
{
    public ConflictRequest(
        TableMap map,
        IReadOnlyList<FieldVersions> fields,
        DateTime? finOpsModifiedOn,
        DateTime? dataverseModifiedOn,
        string? recordKey = null)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        FinOpsModifiedOn = finOpsModifiedOn;
        DataverseModifiedOn = dataverseModifiedOn;
        RecordKey = recordKey;
    }

    public TableMap Map { get; }

    public IReadOnlyList<FieldVersions> Fields { get; }

    public DateTime? FinOpsModifiedOn { get; }

    public DateTime? DataverseModifiedOn { get; }

    /// <summary>The record's key as users read it (<c>usmf/US-001</c>), quoted in reasons.</summary>
    public string? RecordKey { get; }
}
