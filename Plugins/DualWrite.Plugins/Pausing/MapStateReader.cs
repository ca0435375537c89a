using System;
using DualWrite.Core.Pausing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Plugins.Pausing;

/// <summary>
/// Reads a map's row in <see cref="MapStateTable"/>: one query by the map's name (the alternate key, so an index
/// seek) per save that has something for F&amp;O. Not cached: the read is part of the save's transaction, so a
/// pause the listener has mirrored holds for every save that starts after it, with no window where a cached
/// "running" lets a save through to a map the operator just paused.
/// </summary>
public static class MapStateReader
{
    private static readonly ColumnSet Columns = new(MapStateTable.State, MapStateTable.Reason, MapStateTable.HasQueuedChanges);

    /// <summary>The map's row; null when the listener has not mirrored the map yet.</summary>
    public static MapStateRow? Read(IOrganizationService service, string mapName)
    {
        if (service is null)
        {
            throw new ArgumentNullException(nameof(service));
        }

        var query = new QueryExpression(MapStateTable.LogicalName) { ColumnSet = Columns, TopCount = 1 };
        query.Criteria.AddCondition(MapStateTable.Name, ConditionOperator.Equal, mapName);
        var rows = service.RetrieveMultiple(query).Entities;
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        return new MapStateRow(
            row.Id,
            Text(row, MapStateTable.State),
            Text(row, MapStateTable.Reason),
            row.Attributes.TryGetValue(MapStateTable.HasQueuedChanges, out var flag) && flag is bool queued && queued);
    }

    private static string? Text(Entity row, string column) =>
        row.Attributes.TryGetValue(column, out var value) && value is string text && text.Trim().Length > 0 ? text.Trim() : null;
}
