using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Metadata;

namespace DualWrite.Emulators.Dataverse.Schema;

/// <summary>One table as the Web API publishes it: entity set, columns, alternate keys and lookup navigation properties.</summary>
public sealed class TableSchema
{
    public required string LogicalName { get; init; }

    public required string EntitySetName { get; init; }

    public required string PrimaryIdAttribute { get; init; }

    /// <summary>Declared columns (lookups by their column name, not their _x_value property); system columns are added by the engine.</summary>
    public required IReadOnlyList<ColumnMetadata> Columns { get; init; }

    public required IReadOnlyList<AlternateKeyMetadata> AlternateKeys { get; init; }

    public required IReadOnlyList<LookupNavigation> Navigations { get; init; }
}
