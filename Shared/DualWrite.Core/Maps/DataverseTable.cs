using System;
using System.Collections.Generic;

namespace DualWrite.Core.Maps;

/// <summary>The Dataverse side of a map: the table, its alternate key and its filter.</summary>
public sealed class DataverseTable
{
    public DataverseTable(string entitySet, string logicalName, IReadOnlyList<string> keyFields, string? filterText)
    {
        EntitySet = string.IsNullOrEmpty(entitySet) ? throw new ArgumentException("Required.", nameof(entitySet)) : entitySet;
        LogicalName = string.IsNullOrEmpty(logicalName) ? throw new ArgumentException("Required.", nameof(logicalName)) : logicalName;
        KeyFields = keyFields ?? throw new ArgumentNullException(nameof(keyFields));
        FilterText = filterText;
    }

    /// <summary>The Web API entity set (<c>accounts</c>).</summary>
    public string EntitySet { get; }

    /// <summary>The table's logical name (<c>account</c>).</summary>
    public string LogicalName { get; }

    /// <summary>The alternate-key columns the integration upserts by, company lookup included.</summary>
    public IReadOnlyList<string> KeyFields { get; }

    /// <summary>The OData $filter text selecting the rows the map covers; null for all rows.</summary>
    public string? FilterText { get; }
}
