using System.Collections.Generic;
using System.Text.Json.Nodes;
using DualWrite.Chaos.Checking;
using DualWrite.Chaos.Ledger;
using DualWrite.Chaos.Records;

namespace DualWrite.Chaos.Tests;

public sealed class ConvergenceCheckerTests
{
    private const string Key = "GX0100001";

    [Fact]
    public void An_accepted_update_shown_on_both_sides_is_reflected()
    {
        var record = Group(Entry(1, OperationKind.Create, Outcome.Accepted, "Group 1"), Entry(2, OperationKind.Update, Outcome.Accepted, "Group 2"));

        var result = ConvergenceChecker.Check([record], Snapshot(finOps: "Group 2", dataverse: "Group 2"));

        Assert.Equal(2, result.AcceptedChecked);
        Assert.Equal(0, result.Lost);
    }

    [Fact]
    public void An_accepted_update_missing_on_one_side_is_lost_and_says_where()
    {
        var record = Group(Entry(1, OperationKind.Create, Outcome.Accepted, "Group 1"), Entry(2, OperationKind.Update, Outcome.Accepted, "Group 2"));

        var result = ConvergenceChecker.Check([record], Snapshot(finOps: "Group 2", dataverse: "Group 1"));

        Assert.Equal(1, result.Lost);
        Assert.Contains("Dataverse 'Group 1'", result.Examples[0].Detail, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_update_whose_value_shows_anywhere_left_something_behind()
    {
        var record = Group(Entry(1, OperationKind.Create, Outcome.Accepted, "Group 1"), Entry(2, OperationKind.Update, Outcome.Refused, "Group 2"));

        var result = ConvergenceChecker.Check([record], Snapshot(finOps: "Group 2", dataverse: "Group 1"));

        Assert.Equal(1, result.LeftBehind);
        Assert.Equal(1, result.Lost);
    }

    [Fact]
    public void A_refused_create_found_on_a_side_left_something_behind()
    {
        var record = Group(Entry(1, OperationKind.Create, Outcome.Refused, "Group 1"));

        var result = ConvergenceChecker.Check([record], Snapshot(finOps: "Group 1", dataverse: null));

        Assert.Equal(1, result.LeftBehind);
    }

    [Fact]
    public void An_accepted_delete_needs_the_record_gone_from_both_sides_and_replaces_earlier_values()
    {
        var record = Group(Entry(1, OperationKind.Create, Outcome.Accepted, "Group 1"), Entry(2, OperationKind.Delete, Outcome.Accepted, null));

        Assert.Equal(0, ConvergenceChecker.Check([record], Snapshot(finOps: null, dataverse: null)).Lost);
        Assert.Equal(1, ConvergenceChecker.Check([record], Snapshot(finOps: null, dataverse: "Group 1")).Lost);
    }

    [Fact]
    public void Two_rows_for_one_key_are_a_duplicate_and_rows_the_run_never_made_are_stray()
    {
        var record = Group(Entry(1, OperationKind.Create, Outcome.Accepted, "Group 1"));
        var snapshot = Snapshot(finOps: "Group 1", dataverse: "Group 1", extraDataverse: true);
        snapshot.Dataverse[(ChaosEntity.CustomerGroup, "GX0109999")].Add(new JsonObject { ["msdyn_groupid"] = "GX0109999" });

        var result = ConvergenceChecker.Check([record], snapshot);

        Assert.Equal(1, result.Duplicated);
        Assert.Equal(1, result.Stray);
    }

    [Fact]
    public void An_unanswered_operation_only_asks_the_sides_to_agree()
    {
        var record = Group(Entry(1, OperationKind.Create, Outcome.Accepted, "Group 1"), Entry(2, OperationKind.Update, Outcome.Unknown, "Group 2"));

        Assert.Equal(0, ConvergenceChecker.Check([record], Snapshot(finOps: "Group 1", dataverse: "Group 1")).SidesDisagree);
        Assert.Equal(1, ConvergenceChecker.Check([record], Snapshot(finOps: "Group 2", dataverse: "Group 1")).SidesDisagree);
    }

    private static TrackedRecord Group(params LedgerEntry[] entries)
    {
        var record = new TrackedRecord(EntityShape.CustomerGroup, Key);
        foreach (var entry in entries)
        {
            record.Add(entry);
        }

        return record;
    }

    private static LedgerEntry Entry(long id, OperationKind kind, Outcome outcome, string? description) =>
        new(id, ChaosEntity.CustomerGroup, Key, Side.FinOps, kind,
            description is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Description"] = description },
            outcome, outcome == Outcome.Accepted ? 204 : 500, string.Empty, false);

    private static SideSnapshot Snapshot(string? finOps, string? dataverse, bool extraDataverse = false)
    {
        var finOpsRows = new Dictionary<(ChaosEntity, string), List<JsonObject>>();
        var dataverseRows = new Dictionary<(ChaosEntity, string), List<JsonObject>>();
        if (finOps is not null)
        {
            finOpsRows[(ChaosEntity.CustomerGroup, Key)] = [new JsonObject { ["CustomerGroupId"] = Key, ["Description"] = finOps }];
        }

        if (dataverse is not null)
        {
            var rows = new List<JsonObject> { new() { ["msdyn_groupid"] = Key, ["msdyn_description"] = dataverse } };
            if (extraDataverse)
            {
                rows.Add(new JsonObject { ["msdyn_groupid"] = Key, ["msdyn_description"] = dataverse });
                dataverseRows[(ChaosEntity.CustomerGroup, "GX0109999")] = [];
            }

            dataverseRows[(ChaosEntity.CustomerGroup, Key)] = rows;
        }

        return SideSnapshot.Create(finOpsRows, dataverseRows);
    }
}
