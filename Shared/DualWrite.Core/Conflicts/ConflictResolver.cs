using System;
using System.Collections.Generic;
using System.Text;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Conflicts;

/// <summary>
/// The conflict rules, evaluated when an F&amp;O change is about to be written to Dataverse. Pure: no I/O,
/// no clock (modification times come in the request).
/// </summary>
/// <remarks>
/// Every field is a three-way merge against the last synced value: a field changed on one side only is
/// taken from that side; a field changed on both sides to different values follows its policy (its own,
/// else the map's):
/// <list type="bullet">
/// <item><c>FinOpsWins</c> / <c>DataverseWins</c>: that side's value.</item>
/// <item><c>FieldMerge</c> and a field's own <c>LastWriterWins</c>: the side that modified the record last.</item>
/// <item>The map's <c>LastWriterWins</c> works on the whole record, as Microsoft dual-write does: when both
/// sides changed anything, every field governed by it takes the last writer's value, even a field only the
/// other side changed.</item>
/// <item><c>ManualReview</c>: nothing is written; the record is parked with both versions.</item>
/// </list>
/// A field that travels F&amp;O → Dataverse only is owned by F&amp;O: Dataverse edits never reach F&amp;O, so
/// keeping them would leave the sides apart forever; F&amp;O's value is written whenever they differ.
/// Without a base (never synced), a field the two sides disagree on counts as changed on both.
/// Equal modification times, or an unknown one, go to F&amp;O: the change being applied is the newest news.
/// </remarks>
public static class ConflictResolver
{
    public static ConflictResolution Resolve(ConflictRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var changes = new FieldChange[request.Fields.Count];
        var finOpsChangedAny = false;
        var dataverseChangedAny = false;
        for (var i = 0; i < request.Fields.Count; i++)
        {
            changes[i] = Classify(request.Fields[i]);
            finOpsChangedAny |= changes[i] is FieldChange.FinOpsOnly or FieldChange.Both;
            dataverseChangedAny |= changes[i] is FieldChange.DataverseOnly or FieldChange.Both;
        }

        var lastWriter = LastWriter(request);
        var recordConflict = finOpsChangedAny && dataverseChangedAny;
        var decisions = new List<FieldDecision>(request.Fields.Count);
        var conflicts = new List<FieldConflict>();
        var review = new List<FieldConflict>();
        for (var i = 0; i < request.Fields.Count; i++)
        {
            var versions = request.Fields[i];
            var field = versions.Field;
            var change = changes[i];
            var policy = request.Map.ConflictPolicyFor(field);
            var recordLevel = field.ConflictPolicy is null && policy == ConflictPolicy.LastWriterWins;

            if (change == FieldChange.None)
            {
                decisions.Add(new FieldDecision(versions, change, FieldAction.Unchanged, versions.FinOps ?? versions.Dataverse, null, "both sides agree"));
                continue;
            }

            if (!field.Direction.Carries(SyncDirection.DataverseToFinOps))
            {
                decisions.Add(TakeFinOps(versions, change, null, "F&O owns the field (it travels F&O to Dataverse only)"));
                continue;
            }

            if (recordLevel && recordConflict && change != FieldChange.Both)
            {
                // Record-level last writer wins: the winner's whole record, even fields only the loser changed.
                var winner = lastWriter;
                decisions.Add(winner == ConflictWinner.FinOps
                    ? TakeFinOps(versions, change, policy, "both records changed; F&O wrote last (record-level LastWriterWins)")
                    : KeepDataverse(versions, change, policy, "both records changed; Dataverse wrote last (record-level LastWriterWins)"));
                continue;
            }

            switch (change)
            {
                case FieldChange.FinOpsOnly:
                    decisions.Add(TakeFinOps(versions, change, null, "changed in F&O only"));
                    continue;
                case FieldChange.DataverseOnly:
                    decisions.Add(KeepDataverse(versions, change, null, "changed in Dataverse only"));
                    continue;
            }

            var settled = policy switch
            {
                ConflictPolicy.FinOpsWins => ConflictWinner.FinOps,
                ConflictPolicy.DataverseWins => ConflictWinner.Dataverse,
                ConflictPolicy.ManualReview => ConflictWinner.None,
                _ => lastWriter,
            };
            var conflict = new FieldConflict(versions, policy, settled);
            conflicts.Add(conflict);
            var why = Explain(versions, policy, settled);
            switch (settled)
            {
                case ConflictWinner.FinOps:
                    decisions.Add(TakeFinOps(versions, change, policy, why));
                    break;
                case ConflictWinner.Dataverse:
                    decisions.Add(KeepDataverse(versions, change, policy, why));
                    break;
                default:
                    review.Add(conflict);
                    decisions.Add(new FieldDecision(versions, change, FieldAction.KeepDataverse, versions.Dataverse, policy, why));
                    break;
            }
        }

        if (review.Count > 0)
        {
            return new ConflictResolution(ConflictOutcome.ManualReview, decisions, conflicts, ReviewReason(request, review));
        }

        var outcome = decisions.Exists(d => d.Action == FieldAction.WriteToDataverse) ? ConflictOutcome.Write : ConflictOutcome.NothingToWrite;
        return new ConflictResolution(outcome, decisions, conflicts, null);
    }

    /// <summary>Who moved away from the base. Unknown F&amp;O value: F&amp;O says nothing; unknown Dataverse value: no record there yet.</summary>
    public static FieldChange Classify(FieldVersions versions)
    {
        if (versions is null)
        {
            throw new ArgumentNullException(nameof(versions));
        }

        if (versions.FinOps is null)
        {
            return versions.Dataverse is null || versions.LastSynced is null || FieldValueComparer.AreEqual(versions.LastSynced, versions.Dataverse)
                ? FieldChange.None
                : FieldChange.DataverseOnly;
        }

        if (versions.Dataverse is null)
        {
            return FieldChange.FinOpsOnly;
        }

        if (FieldValueComparer.AreEqual(versions.FinOps, versions.Dataverse))
        {
            return FieldChange.None;
        }

        if (versions.LastSynced is null)
        {
            return FieldChange.Both;
        }

        if (FieldValueComparer.AreEqual(versions.FinOps, versions.LastSynced))
        {
            return FieldChange.DataverseOnly;
        }

        return FieldValueComparer.AreEqual(versions.Dataverse, versions.LastSynced) ? FieldChange.FinOpsOnly : FieldChange.Both;
    }

    private static ConflictWinner LastWriter(ConflictRequest request) =>
        request.FinOpsModifiedOn is DateTime finOps && request.DataverseModifiedOn is DateTime dataverse && dataverse > finOps
            ? ConflictWinner.Dataverse
            : ConflictWinner.FinOps;

    private static FieldDecision TakeFinOps(FieldVersions versions, FieldChange change, ConflictPolicy? policy, string reason) =>
        versions.FinOps is null || FieldValueComparer.AreEqual(versions.FinOps, versions.Dataverse)
            ? new FieldDecision(versions, change, FieldAction.Unchanged, versions.Dataverse, policy, reason)
            : new FieldDecision(versions, change, FieldAction.WriteToDataverse, versions.FinOps, policy, reason);

    private static FieldDecision KeepDataverse(FieldVersions versions, FieldChange change, ConflictPolicy? policy, string reason) =>
        new(versions, change, FieldAction.KeepDataverse, versions.Dataverse, policy, reason);

    private static string Explain(FieldVersions versions, ConflictPolicy policy, ConflictWinner winner)
    {
        var both = versions.LastSynced is null ? "the sides differ and were never synced" : "changed on both sides";
        return winner switch
        {
            ConflictWinner.FinOps => both + "; F&O wins (" + policy + ")",
            ConflictWinner.Dataverse => both + "; Dataverse wins (" + policy + ")",
            _ => both + "; parked for manual review",
        };
    }

    private static string ReviewReason(ConflictRequest request, List<FieldConflict> review)
    {
        var text = new StringBuilder("Map '").Append(request.Map.Name).Append('\'');
        if (request.RecordKey is not null)
        {
            text.Append(", key ").Append(request.RecordKey);
        }

        text.Append(": changed on both sides, parked for manual review: ");
        for (var i = 0; i < review.Count; i++)
        {
            var versions = review[i].Versions;
            text.Append(i == 0 ? string.Empty : "; ")
                .Append(versions.Field.DisplayName)
                .Append(" (base ").Append(FieldVersions.Show(versions.LastSynced))
                .Append(", F&O ").Append(FieldVersions.Show(versions.FinOps))
                .Append(", Dataverse ").Append(FieldVersions.Show(versions.Dataverse))
                .Append(')');
        }

        return text.Append('.').ToString();
    }
}
