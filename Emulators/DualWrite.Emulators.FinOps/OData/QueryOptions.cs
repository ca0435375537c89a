using System.Collections.Generic;
using DualWrite.Core.Filters;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>The query options of a collection request, checked against the entity set.</summary>
public sealed class QueryOptions
{
    public FilterExpression? Filter { get; init; }

    /// <summary>Null: every field.</summary>
    public IReadOnlyList<FieldSchema>? Select { get; init; }

    public IReadOnlyList<OrderByItem> OrderBy { get; init; } = [];

    public int? Top { get; init; }

    public int Skip { get; init; }

    public bool Count { get; init; }

    /// <summary><c>cross-company=true</c>: every company's rows, not only the caller's default company.</summary>
    public bool CrossCompany { get; init; }
}
