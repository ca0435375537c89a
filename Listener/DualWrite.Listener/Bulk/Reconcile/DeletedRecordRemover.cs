using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.SyncState;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// Removes from Dataverse the records F&amp;O deleted while their events were lost: a record only Dataverse has is removed
/// only when the state store shows it was synced (so it came from F&amp;O or reached it) and F&amp;O answers 404 for its
/// key now (so a record merely outside the F&amp;O filter stays). Dataverse-only records never synced stay. As the live
/// applier does for a delete event: deleted (or deactivated, for maps in <c>DeactivateOnDelete</c>) with the integration
/// tag, so our plug-in does not send it back, and the synced base is emptied.
/// </summary>
public sealed class DeletedRecordRemover
{
    private readonly ISyncStateStore _syncState;
    private readonly FinOpsClient _finOps;
    private readonly DataverseClient _dataverse;
    private readonly ApplierOptions _options;

    public DeletedRecordRemover(ISyncStateStore syncState, FinOpsClient finOps, DataverseClient dataverse, ApplierOptions options)
    {
        _syncState = syncState ?? throw new ArgumentNullException(nameof(syncState));
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public async Task<RemovalResult> RemoveAsync(TableMap map, IReadOnlyList<RemovalCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(candidates);
        var problems = new List<string>();
        if (candidates.Count == 0)
        {
            return new RemovalResult(0, problems);
        }

        var synced = (await _syncState.GetSyncedRecordsAsync(candidates.Select(c => c.RecordKey).ToList(), cancellationToken).ConfigureAwait(false))
            .Where(SyncedRecordMerger.WasSynced)
            .ToDictionary(s => s.RecordKey, StringComparer.Ordinal);
        var removed = 0;
        var deactivate = _options.DeactivateOnDelete.Contains(map.Name);
        foreach (var candidate in candidates)
        {
            if (!synced.TryGetValue(candidate.RecordKey, out var record))
            {
                continue; // Never synced: a Dataverse-only record, not ours to remove.
            }

            var current = await _finOps.GetAsync(candidate.RecordKey, null, cancellationToken).ConfigureAwait(false);
            if (!current.Succeeded)
            {
                problems.Add("Map '" + map.Name + "', " + candidate.Key + ": not removed, F&O could not be read: " + current.Error);
                continue;
            }

            if (current.Value is not null)
            {
                continue; // F&O still has it (outside the filter, say): the live rules decide, not a catch-up.
            }

            var problem = deactivate
                ? await DeactivateAsync(candidate, cancellationToken).ConfigureAwait(false)
                : await DeleteAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                problems.Add("Map '" + map.Name + "', " + candidate.Key + ": not removed, " + problem);
                continue;
            }

            // The base goes with the record, as for a live delete: a record created again later starts a fresh history.
            await _syncState.SaveSyncedRecordAsync(candidate.RecordKey, "{}", record.Version, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        return new RemovalResult(removed, problems);
    }

    private async Task<string?> DeleteAsync(RemovalCandidate candidate, CancellationToken cancellationToken)
    {
        var deleted = await _dataverse.DeleteAsync(candidate.DataversePath, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        return deleted.Succeeded ? null : "the Dataverse delete failed: " + deleted.Error;
    }

    private async Task<string?> DeactivateAsync(RemovalCandidate candidate, CancellationToken cancellationToken)
    {
        var deactivated = await _dataverse.UpsertAsync(candidate.DataversePath, new JsonObject { ["statecode"] = 1 }, UpsertMode.UpdateOnly, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        return deactivated.Succeeded || deactivated.Error!.IsNotFound ? null : "the Dataverse deactivation failed: " + deactivated.Error;
    }
}
