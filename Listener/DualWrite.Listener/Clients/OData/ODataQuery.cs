using System;
using System.Collections.Generic;
using System.Globalization;

namespace DualWrite.Listener.Clients.OData;

/// <summary>
/// The query options of a collection read (literals inside <see cref="Filter"/> come from Core's
/// <c>ODataLiteral</c>, never formatted here): <c>$filter</c>, <c>$select</c>, <c>$orderby</c>, <c>$top</c>, <c>$expand</c>.
/// </summary>
public sealed class ODataQuery
{
    public string? Filter { get; init; }

    public IReadOnlyList<string>? Select { get; init; }

    public string? OrderBy { get; init; }

    public int? Top { get; init; }

    public string? Expand { get; init; }

    /// <summary>Other options as given (<c>cross-company=true</c>), already escaped.</summary>
    public IReadOnlyList<string>? Extra { get; init; }

    /// <summary>The query string without the leading '?' (empty when there are no options); values escaped.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Filter))
        {
            parts.Add("$filter=" + Uri.EscapeDataString(Filter));
        }

        if (Select is { Count: > 0 })
        {
            parts.Add("$select=" + Uri.EscapeDataString(string.Join(",", Select)));
        }

        if (!string.IsNullOrEmpty(OrderBy))
        {
            parts.Add("$orderby=" + Uri.EscapeDataString(OrderBy));
        }

        if (Top is int top)
        {
            parts.Add("$top=" + top.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(Expand))
        {
            parts.Add("$expand=" + Uri.EscapeDataString(Expand));
        }

        if (Extra is not null)
        {
            parts.AddRange(Extra);
        }

        return string.Join("&", parts);
    }
}
