using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.Dataverse.Metadata;

/// <summary>An alternate key: a named set of columns whose values are unique across the table.</summary>
public sealed class AlternateKeyMetadata
{
    public AlternateKeyMetadata(string logicalName, IReadOnlyList<string> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException($"Alternate key '{logicalName}' needs at least one column.", nameof(columns));
        }

        LogicalName = logicalName;
        Columns = columns;
    }

    public string LogicalName { get; }

    public IReadOnlyList<string> Columns { get; }
}
