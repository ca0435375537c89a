using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// F&amp;O in bulk: one non-atomic <c>$batch</c> (each part answers for itself). Items with a key path are
/// updated by key (PATCH, <c>cross-company=true</c> as the plug-in does: the key names the company); those F&amp;O
/// does not have (404) are created in a second <c>$batch</c>, with the items that had no key path. F&amp;O has no
/// upsert, and a PATCH first costs nothing on a rerun, where most records exist.
/// </summary>
public sealed class FinOpsBulkChannel(FinOpsClient finOps, int batchSize) : IBulkTargetChannel
{
    private const string CrossCompany = "cross-company=true";

    public int BatchSize { get; } = batchSize;

    public async Task<BatchAnswer> SendAsync(TableMap map, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(items);
        var errors = new ODataError?[items.Count];
        var toCreate = new List<int>();
        var toUpdate = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            (items[i].TargetPath is null ? toCreate : toUpdate).Add(i);
        }

        if (toUpdate.Count > 0)
        {
            var updates = toUpdate.Select(i => BatchOperation.Patch(WithCrossCompany(items[i].TargetPath!), items[i].Body)).ToArray();
            var answer = await SendPartsAsync(updates, cancellationToken).ConfigureAwait(false);
            if (answer.Refusal is { } refusal)
            {
                return BatchAnswer.Refused(refusal);
            }

            for (var n = 0; n < toUpdate.Count; n++)
            {
                if (answer.ItemErrors![n] is { IsNotFound: true })
                {
                    toCreate.Add(toUpdate[n]);
                }
                else
                {
                    errors[toUpdate[n]] = answer.ItemErrors[n];
                }
            }
        }

        if (toCreate.Count > 0)
        {
            toCreate.Sort();
            var creates = toCreate.Select(i => BatchOperation.Post(map.FinOps.EntitySet, items[i].Body)).ToArray();
            var answer = await SendPartsAsync(creates, cancellationToken).ConfigureAwait(false);
            for (var n = 0; n < toCreate.Count; n++)
            {
                errors[toCreate[n]] = answer.Refusal ?? answer.ItemErrors![n];
            }
        }

        return BatchAnswer.PerItem(errors);
    }

    private async Task<BatchAnswer> SendPartsAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken)
    {
        var result = await finOps.BatchAsync(operations, atomic: false, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? BatchAnswers.FromParts(result.Value!, operations.Count, "F&O") : BatchAnswer.Refused(result.Error);
    }

    private static string WithCrossCompany(string path) =>
        path.Contains(CrossCompany, StringComparison.OrdinalIgnoreCase) ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + CrossCompany;
}
