using System;
using System.Collections.Generic;
using DualWrite.Core.Filters;

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

        // The loader reports a bad filter with its file and position before getting here; a map built
        // in code with a bad filter is a bug, so this throws.
        Filter = filterText is null ? null : FilterExpression.Parse(filterText);
    }

    /// <summary>The Web API entity set (<c>accounts</c>).</summary>
    public string EntitySet { get; }

    /// <summary>The table's logical name (<c>account</c>).</summary>
    public string LogicalName { get; }

    /// <summary>The alternate-key columns the integration upserts by, company lookup included.</summary>
    public IReadOnlyList<string> KeyFields { get; }

    /// <summary>The OData $filter text selecting the rows the map covers; null for all rows.</summary>
    public string? FilterText { get; }

    /// <summary>The parsed filter, for evaluating whether a record is in scope; null for all rows.</summary>
    public FilterExpression? Filter { get; }
}
