using System.Collections.Generic;

namespace DualWrite.Plugins.Registration.Tables;

/// <summary>
/// One of DualWrite's own Dataverse tables as the solution declares it: organization owned, a primary name column
/// (the first of <see cref="Columns"/>), and optionally an alternate key.
/// </summary>
public sealed record TableDefinition(
    string LogicalName,
    string EntitySet,
    string DisplayName,
    string DisplayCollectionName,
    string Description,
    IReadOnlyList<TableColumn> Columns,
    string? AlternateKeyName = null,
    IReadOnlyList<string>? AlternateKeyColumns = null)
{
    /// <summary>The primary key column: <c>&lt;logical name&gt;id</c>, as Dataverse names it.</summary>
    public string PrimaryIdColumn => LogicalName + "id";

    /// <summary>The primary name column.</summary>
    public TableColumn PrimaryName => Columns[0];
}
