using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Filters;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>Reads $filter, $select, $orderby, $top, $skip, $count and cross-company; refuses what F&amp;O or the emulator does not support.</summary>
public static class QueryOptionsParser
{
    /// <summary>Options this emulator does not implement; refusing beats silently ignoring them.</summary>
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal) { "$expand", "$search", "$apply", "$compute", "$levels" };

    public static bool TryParse(QueryString query, EntitySetSchema set, out QueryOptions? options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(set);
        options = null;
        foreach (var name in query.Names())
        {
            if (Unsupported.Contains(name))
            {
                error = "The query option " + name + " is not supported by the F&O emulator.";
                return false;
            }
        }

        FilterExpression? filter = null;
        var filterText = query.Get("$filter");
        if (filterText is not null)
        {
            if (!FilterExpression.TryParse(filterText, out filter, out var filterError))
            {
                error = filterError!.Message;
                return false;
            }

            foreach (var name in filter!.FieldNames)
            {
                if (set.FindField(name) is null)
                {
                    error = NoSuchProperty(name, set);
                    return false;
                }
            }
        }

        List<FieldSchema>? select = null;
        var selectText = query.Get("$select");
        if (selectText is not null && selectText.Trim() != "*")
        {
            select = new List<FieldSchema>();
            foreach (var name in selectText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var field = set.FindField(name);
                if (field is null)
                {
                    error = NoSuchProperty(name, set);
                    return false;
                }

                if (!select.Contains(field))
                {
                    select.Add(field);
                }
            }
        }

        var orderBy = new List<OrderByItem>();
        var orderByText = query.Get("$orderby");
        if (orderByText is not null)
        {
            foreach (var term in orderByText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var field = set.FindField(words[0]);
                if (field is null)
                {
                    error = NoSuchProperty(words[0], set);
                    return false;
                }

                if (words.Length > 2 || (words.Length == 2 && words[1] is not ("asc" or "desc")))
                {
                    error = "The $orderby term '" + term + "' is not a property followed by asc or desc.";
                    return false;
                }

                orderBy.Add(new OrderByItem(field, words.Length == 2 && words[1] == "desc"));
            }
        }

        if (!TryReadCount(query, "$top", out var top, out error) || !TryReadCount(query, "$skip", out var skip, out error))
        {
            return false;
        }

        var countText = query.Get("$count");
        if (countText is not null && countText is not ("true" or "false"))
        {
            error = "The value '" + countText + "' of $count is not true or false.";
            return false;
        }

        options = new QueryOptions
        {
            Filter = filter,
            Select = select,
            OrderBy = orderBy,
            Top = top,
            Skip = skip ?? 0,
            Count = countText == "true",
            CrossCompany = IsCrossCompany(query),
        };
        error = null;
        return true;
    }

    /// <summary><c>cross-company=true</c> (the value ignores case, as F&amp;O's does).</summary>
    public static bool IsCrossCompany(QueryString query) =>
        string.Equals(query?.Get("cross-company"), "true", StringComparison.OrdinalIgnoreCase);

    public static string NoSuchProperty(string name, EntitySetSchema set) =>
        "Could not find a property named '" + name + "' on type '" + set.EntityTypeName + "'.";

    private static bool TryReadCount(QueryString query, string name, out int? value, out string? error)
    {
        value = null;
        error = null;
        var text = query.Get(name);
        if (text is null)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            error = "The value '" + text + "' of " + name + " is not a non-negative integer.";
            return false;
        }

        value = parsed;
        return true;
    }
}
