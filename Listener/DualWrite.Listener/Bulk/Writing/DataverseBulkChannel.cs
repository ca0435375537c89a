using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// Dataverse in bulk: <c>UpsertMultiple</c> by alternate key (<c>@odata.id</c>), <c>CreateMultiple</c> for items
/// without a key path, both tagged DualWrite so our plug-in does not send the rows back. A table the bulk actions
/// do not serve (the service says the action is not supported for it) falls back, for the rest of the run, to a
/// non-atomic <c>$batch</c> of upserts (PATCH by key) and creates, where each part answers for itself.
/// </summary>
public sealed class DataverseBulkChannel(DataverseClient dataverse, int batchSize) : IBulkTargetChannel
{
    private readonly ConcurrentDictionary<string, bool> batchOnlySets = new(StringComparer.OrdinalIgnoreCase);

    public int BatchSize { get; } = batchSize;

    /// <summary>True once <paramref name="entitySet"/> has been found to need <c>$batch</c>.</summary>
    public bool UsesBatchFor(string entitySet) => batchOnlySets.ContainsKey(entitySet);

    public async Task<BatchAnswer> SendAsync(TableMap map, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(items);
        var table = map.Dataverse;
        if (!batchOnlySets.ContainsKey(table.EntitySet))
        {
            var targets = items.Select(item => new BulkTarget(item.TargetPath, item.Body)).ToArray();
            var create = items[0].TargetPath is null;
            var error = create
                ? (await dataverse.CreateMultipleAsync(table.EntitySet, table.LogicalName, targets, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false)).Error
                : (await dataverse.UpsertMultipleAsync(table.EntitySet, table.LogicalName, targets, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false)).Error;
            if (error is null)
            {
                return BatchAnswer.AllWritten;
            }

            if (!ActionUnsupported(error))
            {
                return BatchAnswer.Refused(error);
            }

            batchOnlySets[table.EntitySet] = true;
        }

        return await SendBatchAsync(table.EntitySet, items, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The service refusing the action itself, not a record: the action is unknown for the set (404 naming the
    /// segment), or refused for the table ("not supported"/"not enabled" naming the action).
    /// </summary>
    public static bool ActionUnsupported(ODataError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var namesAction = message.Contains("UpsertMultiple", StringComparison.OrdinalIgnoreCase) || message.Contains("CreateMultiple", StringComparison.OrdinalIgnoreCase);
        return namesAction && (error.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NotImplemented
            || message.Contains("not supported", StringComparison.OrdinalIgnoreCase)
            || message.Contains("does not support", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not enabled", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<BatchAnswer> SendBatchAsync(string entitySet, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken)
    {
        var operations = items
            .Select(item => item.TargetPath is null ? BatchOperation.Post(entitySet, item.Body) : BatchOperation.Patch(item.TargetPath, item.Body))
            .ToArray();
        var result = await dataverse.BatchAsync(operations, atomic: false, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? BatchAnswers.FromParts(result.Value!, items.Count, "Dataverse") : BatchAnswer.Refused(result.Error);
    }
}
