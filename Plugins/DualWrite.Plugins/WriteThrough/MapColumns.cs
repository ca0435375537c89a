using System;
using System.Collections.Generic;
using DualWrite.Core.Filters;
using DualWrite.Core.Maps;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>
/// The Dataverse columns a map reads when writing to F&amp;O: the step's filtering attributes, the
/// columns its pre-image must carry, and the integration key. Shared by the plug-in and the solution
/// generator so registration and run time agree.
/// </summary>
public static class MapColumns
{
    /// <summary>Columns whose change is written to F&amp;O (the Update step's filtering attributes), in map order.</summary>
    public static IReadOnlyList<string> WrittenToFinOps(TableMap map)
    {
        var columns = new List<string>();
        foreach (var field in (map ?? throw new ArgumentNullException(nameof(map))).Fields)
        {
            if (field.Carries(SyncDirection.DataverseToFinOps) && field.DataverseField is not null)
            {
                AddOnce(columns, field.DataverseField);
            }
        }

        return columns;
    }

    /// <summary>
    /// The Update step's filtering attributes: the columns written to F&amp;O plus the Dataverse filter's
    /// columns, so a record that enters the map's scope by a change of the filter column alone still reaches F&amp;O.
    /// </summary>
    public static IReadOnlyList<string> UpdateTriggers(TableMap map)
    {
        var columns = new List<string>(WrittenToFinOps(map));
        foreach (var column in FilterColumns(map))
        {
            AddOnce(columns, column);
        }

        return columns;
    }

    /// <summary>The Dataverse integration key, company lookup included.</summary>
    public static IReadOnlyList<string> Key(TableMap map)
    {
        var columns = new List<string>();
        foreach (var column in (map ?? throw new ArgumentNullException(nameof(map))).Dataverse.KeyFields)
        {
            AddOnce(columns, column);
        }

        if (map.Company is not null)
        {
            AddOnce(columns, map.Company.DataverseField);
        }

        return columns;
    }

    /// <summary>What the pre-image must carry: mapped columns, key, company and the filter's columns, sorted for a stable registration.</summary>
    public static IReadOnlyList<string> PreImage(TableMap map)
    {
        var columns = new List<string>(WrittenToFinOps(map));
        foreach (var column in Key(map))
        {
            AddOnce(columns, column);
        }

        foreach (var column in FilterColumns(map))
        {
            AddOnce(columns, column);
        }

        columns.Sort(StringComparer.Ordinal);
        return columns;
    }

    private static IReadOnlyList<string> FilterColumns(TableMap map) =>
        map.Dataverse.FilterText is { } filter ? FilterExpression.Parse(filter).FieldNames : Array.Empty<string>();

    private static void AddOnce(List<string> columns, string column)
    {
        if (!columns.Contains(column))
        {
            columns.Add(column);
        }
    }
}
