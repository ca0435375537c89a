using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>The columns a query or Retrieve returns: all of them, or a named list.</summary>
[DataContract(Name = "ColumnSet", Namespace = XmlNamespaces.Contracts)]
public sealed class ColumnSet : IExtensibleDataObject
{
    /// <summary>Creates an empty column set (no columns).</summary>
    public ColumnSet()
    {
        Columns = new DataCollection<string>();
    }

    /// <summary>Creates a column set for all columns, or none.</summary>
    public ColumnSet(bool allColumns)
        : this()
    {
        AllColumns = allColumns;
    }

    /// <summary>Creates a column set of the named columns.</summary>
    public ColumnSet(params string[] columns)
        : this()
    {
        Columns.AddRange(columns);
    }

    /// <summary>Return every column.</summary>
    [DataMember]
    public bool AllColumns { get; set; }

    /// <summary>The named columns; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<string> Columns { get; private set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Adds named columns.</summary>
    public void AddColumns(params string[] columns)
    {
        Columns.AddRange(columns);
    }

    /// <summary>Adds a named column.</summary>
    public void AddColumn(string column)
    {
        Columns.Add(column);
    }
}
