using System;
using System.Collections.Generic;
using DualWrite.Core.Filters;

namespace DualWrite.Core.Maps;

/// <summary>The F&amp;O side of a map: the data entity, its integration key and its filter.</summary>
public sealed class FinOpsTable
{
    public FinOpsTable(string entitySet, IReadOnlyList<string> keyFields, string? filterText)
    {
        EntitySet = string.IsNullOrEmpty(entitySet) ? throw new ArgumentException("Required.", nameof(entitySet)) : entitySet;
        KeyFields = keyFields ?? throw new ArgumentNullException(nameof(keyFields));
        FilterText = filterText;

        // The loader reports a bad filter with its file and position before getting here; a map built
        // in code with a bad filter is a bug, so this throws.
        Filter = filterText is null ? null : FilterExpression.Parse(filterText);
    }

    /// <summary>The public collection name (<c>CustomersV3</c>).</summary>
    public string EntitySet { get; }

    /// <summary>Integration key fields in key order; <c>dataAreaId</c> first on a company-specific map.</summary>
    public IReadOnlyList<string> KeyFields { get; }

    /// <summary>The OData $filter text selecting the rows the map covers; null for all rows.</summary>
    public string? FilterText { get; }

    /// <summary>The parsed filter, for evaluating whether a record is in scope; null for all rows.</summary>
    public FilterExpression? Filter { get; }
}
