using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Core.Pausing;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.MapStates.Mirror;

/// <summary>
/// The listener's side of the plug-in's queue in Dataverse: which maps have queued changes, the changes in the order
/// they were saved, and their removal once sent. Every write carries the integration tag.
/// </summary>
public sealed class QueuedChangeTables
{
    private static readonly string[] StateColumns = [MapStateTable.Name, MapStateTable.State];

    private readonly DataverseClient _dataverse;

    public QueuedChangeTables(DataverseClient dataverse)
    {
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
    }

    /// <summary>The maps whose state row says changes are queued, with the state the plug-in sees.</summary>
    public async Task<ODataResult<IReadOnlyList<(string Map, string? State)>>> MapsWithQueuedChangesAsync(CancellationToken cancellationToken)
    {
        var query = new ODataQuery { Filter = MapStateTable.HasQueuedChanges + " eq true", Select = StateColumns };
        var rows = await _dataverse.QueryAllAsync(MapStateTable.EntitySet, query, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!rows.Succeeded)
        {
            return ODataResult<IReadOnlyList<(string, string?)>>.Failure(rows.Error);
        }

        var maps = new List<(string, string?)>();
        foreach (var row in rows.Value!)
        {
            if (row[MapStateTable.Name] is JsonValue name && name.TryGetValue<string>(out var text))
            {
                maps.Add((text, row[MapStateTable.State] is JsonValue state && state.TryGetValue<string>(out var stateText) ? stateText : null));
            }
        }

        return ODataResult<IReadOnlyList<(string, string?)>>.Success(maps);
    }

    /// <summary>The map's oldest queued changes, in the order they were saved.</summary>
    public async Task<ODataResult<IReadOnlyList<QueuedChange>>> OldestAsync(string map, int count, CancellationToken cancellationToken)
    {
        var query = new ODataQuery
        {
            Filter = QueuedChangeTable.Map + " eq " + ODataLiteral.Format(map),
            Select = QueuedChange.Columns,
            OrderBy = QueuedChangeTable.Sequence + " asc,createdon asc",
            Top = count,
        };
        var page = await _dataverse.QueryPageAsync(QueuedChangeTable.EntitySet, query, null, cancellationToken).ConfigureAwait(false);
        if (!page.Succeeded)
        {
            return ODataResult<IReadOnlyList<QueuedChange>>.Failure(page.Error);
        }

        var changes = new List<QueuedChange>();
        foreach (var row in page.Value!.Rows)
        {
            if (QueuedChange.From(row) is { } change)
            {
                changes.Add(change);
            }
        }

        return ODataResult<IReadOnlyList<QueuedChange>>.Success(changes);
    }

    /// <summary>Removes a change F&amp;O has taken.</summary>
    public Task<ODataResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        _dataverse.DeleteAsync(QueuedChangeTable.EntitySet + "(" + id.ToString("D") + ")", DataverseClient.IntegrationTag, cancellationToken);

    /// <summary>Keeps F&amp;O's refusal on the row, for the operator who opens it.</summary>
    public Task<ODataResult<Guid?>> RecordRefusalAsync(QueuedChange change, string reason, CancellationToken cancellationToken)
    {
        var row = new JsonObject
        {
            [QueuedChangeTable.Attempts] = change.Attempts + 1,
            [QueuedChangeTable.LastError] = reason.Length > QueuedChangeTable.LastErrorLength ? reason[..QueuedChangeTable.LastErrorLength] : reason,
        };
        return _dataverse.UpsertAsync(QueuedChangeTable.EntitySet + "(" + change.Id.ToString("D") + ")", row, UpsertMode.UpdateOnly, DataverseClient.IntegrationTag, cancellationToken);
    }

    /// <summary>Tells the plug-in nothing is queued any more: its saves write through again.</summary>
    public Task<ODataResult<Guid?>> ClearQueuedFlagAsync(string map, CancellationToken cancellationToken) =>
        _dataverse.UpsertAsync(
            ODataKeyFormatter.EntityPath(MapStateTable.EntitySet, ODataKey.Named(MapStateTable.Name, map)),
            new JsonObject { [MapStateTable.HasQueuedChanges] = false },
            UpsertMode.UpdateOnly,
            DataverseClient.IntegrationTag,
            cancellationToken);
}
