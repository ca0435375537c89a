using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using DualWrite.Chaos.Ledger;
using DualWrite.Chaos.Records;

namespace DualWrite.Chaos.Checking;

/// <summary>
/// Checks the ledger against both sides, record by record. An accepted operation is reflected when its effect shows
/// on both sides, unless a later accepted operation on the same record replaced it (a later value of the same field,
/// or a delete). A refused operation left nothing behind when its effect shows on neither side (values are unique,
/// so a refused value found anywhere came from that refused operation).
/// </summary>
public static class ConvergenceChecker
{
    private const int ExamplesKept = 25;

    public static CheckResult Check(IReadOnlyList<TrackedRecord> records, SideSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(snapshot);
        int accepted = 0, lost = 0, refused = 0, leftBehind = 0, duplicated = 0, unknown = 0, disagree = 0;
        var examples = new List<Finding>();
        void Found(string kind, TrackedRecord record, string detail)
        {
            if (examples.Count < ExamplesKept)
            {
                examples.Add(new Finding(kind, record.Shape.Entity + " " + record.Key, detail));
            }
        }

        var known = new HashSet<(ChaosEntity, string)>();
        foreach (var record in records)
        {
            var id = (record.Shape.Entity, record.Key);
            known.Add(id);
            var finOpsRows = snapshot.FinOps.GetValueOrDefault(id) ?? new List<JsonObject>();
            var dataverseRows = snapshot.Dataverse.GetValueOrDefault(id) ?? new List<JsonObject>();
            if (finOpsRows.Count > 1 || dataverseRows.Count > 1)
            {
                duplicated++;
                Found("duplicated", record, finOpsRows.Count + " F&O row(s), " + dataverseRows.Count + " Dataverse row(s)");
            }

            var finOps = finOpsRows.FirstOrDefault();
            var dataverse = dataverseRows.FirstOrDefault();
            var entries = record.Entries;
            var unanswered = entries.Count(e => e.Outcome == Outcome.Unknown);
            if (unanswered > 0)
            {
                // What an unanswered operation did is not known: the sides must agree with each other, that is all.
                unknown += unanswered;
                if (!Agree(record.Shape, finOps, dataverse, out var why))
                {
                    disagree++;
                    Found("sides disagree", record, why);
                }

                continue;
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var later = entries.Skip(i + 1).Where(e => e.Outcome == Outcome.Accepted).ToList();
                var deletedLater = later.Any(e => e.Kind == OperationKind.Delete);
                if (entry.Outcome == Outcome.Accepted)
                {
                    accepted++;
                    var missing = Missing(record.Shape, entry, later, deletedLater, finOps, dataverse);
                    if (missing is not null)
                    {
                        lost++;
                        Found("lost", record, Describe(entry) + ": " + missing);
                    }
                }
                else
                {
                    refused++;
                    var left = LeftBehind(record.Shape, entry, deletedLater, finOps, dataverse);
                    if (left is not null)
                    {
                        leftBehind++;
                        Found("left behind", record, Describe(entry) + " (refused " + entry.Status + "): " + left);
                    }
                }
            }
        }

        var stray = snapshot.FinOps.Keys.Concat(snapshot.Dataverse.Keys).Distinct().Count(k => !known.Contains(k));
        return new CheckResult(accepted, lost, refused, leftBehind, duplicated, unknown, stray, disagree, examples);
    }

    /// <summary>Null when the accepted operation shows on both sides (or was replaced), else what is missing where.</summary>
    private static string? Missing(EntityShape shape, LedgerEntry entry, List<LedgerEntry> later, bool deletedLater, JsonObject? finOps, JsonObject? dataverse)
    {
        if (entry.Kind == OperationKind.Delete)
        {
            return finOps is null && dataverse is null ? null : "still in " + Where(finOps is not null, dataverse is not null);
        }

        if (deletedLater)
        {
            return null;
        }

        if (finOps is null || dataverse is null)
        {
            return "record missing in " + Where(finOps is null, dataverse is null);
        }

        foreach (var (field, value) in entry.Values)
        {
            if (later.Any(e => e.Values.ContainsKey(field)))
            {
                continue;
            }

            var pair = shape.Fields.First(f => f.FinOps == field);
            var inFinOps = SideSnapshot.Text(finOps, pair.FinOps);
            var inDataverse = SideSnapshot.Text(dataverse, pair.Dataverse);
            if (inFinOps != value || inDataverse != value)
            {
                return field + " should be '" + value + "': F&O '" + inFinOps + "', Dataverse '" + inDataverse + "'";
            }
        }

        return null;
    }

    /// <summary>Null when the refused operation shows nowhere, else where it shows.</summary>
    private static string? LeftBehind(EntityShape shape, LedgerEntry entry, bool deletedLater, JsonObject? finOps, JsonObject? dataverse)
    {
        switch (entry.Kind)
        {
            case OperationKind.Create:
                return finOps is null && dataverse is null ? null : "the record exists in " + Where(finOps is not null, dataverse is not null);
            case OperationKind.Delete:
                return deletedLater || (finOps is not null && dataverse is not null) ? null : "the record is gone from " + Where(finOps is null, dataverse is null);
            default:
                foreach (var (field, value) in entry.Values)
                {
                    var pair = shape.Fields.First(f => f.FinOps == field);
                    var inFinOps = finOps is not null && SideSnapshot.Text(finOps, pair.FinOps) == value;
                    var inDataverse = dataverse is not null && SideSnapshot.Text(dataverse, pair.Dataverse) == value;
                    if (inFinOps || inDataverse)
                    {
                        return field + " = '" + value + "' in " + Where(inFinOps, inDataverse);
                    }
                }

                return null;
        }
    }

    private static bool Agree(EntityShape shape, JsonObject? finOps, JsonObject? dataverse, out string why)
    {
        why = string.Empty;
        if (finOps is null || dataverse is null)
        {
            why = finOps is null && dataverse is null ? string.Empty : "only in " + (finOps is null ? "Dataverse" : "F&O");
            return finOps is null && dataverse is null;
        }

        foreach (var pair in shape.Fields)
        {
            var a = SideSnapshot.Text(finOps, pair.FinOps);
            var b = SideSnapshot.Text(dataverse, pair.Dataverse);
            if (a != b)
            {
                why = pair.FinOps + ": F&O '" + a + "', Dataverse '" + b + "'";
                return false;
            }
        }

        return true;
    }

    private static string Where(bool finOps, bool dataverse) => finOps && dataverse ? "both sides" : finOps ? "F&O" : "Dataverse";

    private static string Describe(LedgerEntry entry) =>
        "#" + entry.Id + " " + entry.Kind + " in " + (entry.Side == Side.FinOps ? "F&O" : "Dataverse") + (entry.Concurrent ? " (two-sided edit)" : string.Empty);
}
