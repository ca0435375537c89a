using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.WebApi.QueryOptions;

/// <summary>
/// The query options of one request, checked against the entity set: $select, $filter, $orderby, $top, $count,
/// $skiptoken; $skip is refused as the service refuses it; tag is the optional parameter for plug-ins.
/// </summary>
public sealed class ODataQueryOptions
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal) { "$select", "$filter", "$orderby", "$top", "$count", "$skiptoken" };

    public IReadOnlyList<ColumnMetadata>? Select { get; private init; }

    public FilterExpression? Filter { get; private init; }

    public IReadOnlyList<OrderExpression> OrderBy { get; private init; } = [];

    public int? Top { get; private init; }

    public bool Count { get; private init; }

    public SkipToken? SkipToken { get; private init; }

    public static ODataQueryOptions Parse(EntitySetModel set, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (!name.StartsWith('$'))
            {
                continue; // tag and other optional parameters
            }

            if (name == "$skip")
            {
                throw WebApiException.BadRequest("The query parameter $skip is not supported");
            }

            if (!Supported.Contains(name))
            {
                throw WebApiException.BadRequest($"The query parameter {name} is not supported by the emulator.");
            }

            if (!values.TryAdd(name, value))
            {
                throw WebApiException.BadRequest($"Query option '{name}' was specified more than once, but it must be specified at most once.");
            }
        }

        return new ODataQueryOptions
        {
            Select = values.TryGetValue("$select", out var select) ? ParseSelect(set, select) : null,
            Filter = values.TryGetValue("$filter", out var filter) ? FilterTranslator.Translate(set, filter) : null,
            OrderBy = values.TryGetValue("$orderby", out var orderBy) ? ParseOrderBy(set, orderBy) : [],
            Top = values.TryGetValue("$top", out var top) ? ParseTop(top) : null,
            Count = values.TryGetValue("$count", out var count) && ParseCount(count),
            SkipToken = values.TryGetValue("$skiptoken", out var token) ? SkipToken.Parse(token) : null,
        };
    }

    public ColumnSet ColumnSet() => Select is null ? new ColumnSet(true) : new ColumnSet(Select.Select(c => c.LogicalName).ToArray());

    private static List<ColumnMetadata> ParseSelect(EntitySetModel set, string text)
        => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => set.ColumnOfProperty(p) ?? throw WebApiException.BadRequest($"Could not find a property named '{p}' on type '{set.TypeName}'."))
            .Distinct()
            .ToList();

    private static List<OrderExpression> ParseOrderBy(EntitySetModel set, string text)
    {
        var orders = new List<OrderExpression>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var column = set.ColumnOfProperty(parts[0]) ?? throw WebApiException.BadRequest($"Could not find a property named '{parts[0]}' on type '{set.TypeName}'.");
            var direction = parts.Length switch
            {
                1 => OrderType.Ascending,
                2 when parts[1] == "asc" => OrderType.Ascending,
                2 when parts[1] == "desc" => OrderType.Descending,
                _ => throw WebApiException.BadRequest($"Syntax error in $orderby at '{item}'."),
            };
            orders.Add(new OrderExpression(column.LogicalName, direction));
        }

        return orders;
    }

    private static int ParseTop(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top)
            ? top
            : throw WebApiException.BadRequest($"Invalid value '{text}' for $top query option found. The $top query option requires a non-negative integer value.");

    private static bool ParseCount(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw WebApiException.BadRequest($"'{text}' is not a valid count option."),
    };
}
