using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.Dataverse.Metadata;

/// <summary>One column of a table: its type, whether a value is required, and limits checked on write.</summary>
public sealed class ColumnMetadata
{
    public ColumnMetadata(string logicalName, ColumnType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        LogicalName = logicalName;
        Type = type;
    }

    public string LogicalName { get; }

    public ColumnType Type { get; }

    /// <summary>A create must carry a non-null value and an update may not clear it.</summary>
    public bool IsRequired { get; init; }

    /// <summary>For String and Memo: the longest value accepted; null means no limit.</summary>
    public int? MaxLength { get; init; }

    /// <summary>For Lookup: the tables a reference may point at; empty means any.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Columns the platform maintains (createdon, versionnumber, ...): callers' values are replaced.</summary>
    public bool IsSystemManaged { get; init; }
}
