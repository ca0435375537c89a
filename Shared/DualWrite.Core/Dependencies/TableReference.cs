namespace DualWrite.Core.Dependencies;

/// <summary>One reason a map needs another table loaded first: a field of the map looks it up.</summary>
public sealed class TableReference
{
    public TableReference(string table, string field)
    {
        Table = string.IsNullOrEmpty(table) ? throw new System.ArgumentException("Required.", nameof(table)) : table;
        Field = string.IsNullOrEmpty(field) ? throw new System.ArgumentException("Required.", nameof(field)) : field;
    }

    /// <summary>The referenced Dataverse table's logical name (<c>msdyn_customergroup</c>).</summary>
    public string Table { get; }

    /// <summary>The field of the referencing map that holds the reference (<c>CustomerGroupId</c>).</summary>
    public string Field { get; }

    public override string ToString() => Field + " -> " + Table;
}
