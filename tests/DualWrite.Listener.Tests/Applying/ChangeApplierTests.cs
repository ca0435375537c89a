using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Tests.Applying;

/// <summary>
/// The applier on its own: events handed to it directly (no worker, no receiver), real stores and real HTTP
/// to both emulators. What it returns and what it leaves in Dataverse and in the state stores is checked.
/// </summary>
public sealed class ChangeApplierTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_created_FinOps_customer_is_upserted_into_Dataverse_with_the_DualWrite_tag_and_its_values_saved_as_synced()
    {
        await using var harness = await ApplierHarness.StartAsync();

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(ChangeOperation.Create), None);

        AssertKind(ApplyOutcomeKind.Applied, outcome);
        var customer = (await harness.FinOps.GetAsync(ApplierHarness.Customer, null, None)).Value!;
        var account = await harness.AccountAsync();
        Assert.Equal(customer["OrganizationName"]!.GetValue<string>(), account!["name"]!.GetValue<string>());
        var write = Assert.Single(harness.DataverseRequests.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
        Assert.EndsWith("?tag=DualWrite", write, StringComparison.Ordinal);
        Assert.NotNull(await harness.Stores.SyncState.GetSyncedRecordAsync(ApplierHarness.Customer, None));
    }

    [Fact]
    public async Task An_FinOps_update_writes_the_changed_value_and_records_it_as_last_synced()
    {
        await using var harness = await ApplierHarness.StartAsync();
        AssertKind(ApplyOutcomeKind.Applied, await harness.Applier.ApplyAsync(harness.CustomerEvent(), None));
        var before = (await harness.Stores.SyncState.GetSyncedRecordAsync(ApplierHarness.Customer, None))!.Version;
        await harness.UpdateFinOpsAsync(ApplierHarness.Customer, new JsonObject { ["SalesMemo"] = "Call before delivery" });

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(), None);

        AssertKind(ApplyOutcomeKind.Applied, outcome);
        Assert.Equal("Call before delivery", (await harness.AccountAsync())!["description"]!.GetValue<string>());
        var synced = (await harness.Stores.SyncState.GetSyncedRecordAsync(ApplierHarness.Customer, None))!;
        Assert.Contains("Call before delivery", synced.FieldsJson, StringComparison.Ordinal);
        Assert.True(synced.Version > before, "the synced values are saved again");
    }

    [Fact]
    public async Task A_customer_deleted_in_FinOps_is_deleted_in_Dataverse()
    {
        await using var harness = await ApplierHarness.StartAsync();
        AssertKind(ApplyOutcomeKind.Applied, await harness.Applier.ApplyAsync(harness.CustomerEvent(), None));
        Assert.True((await harness.FinOps.DeleteAsync(ApplierHarness.Customer, None)).Value);

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(ChangeOperation.Delete), None);

        AssertKind(ApplyOutcomeKind.Applied, outcome);
        Assert.Null(await harness.AccountAsync());
    }

    [Fact]
    public async Task An_echo_of_values_Dataverse_already_holds_is_skipped_without_a_write()
    {
        await using var harness = await ApplierHarness.StartAsync();
        AssertKind(ApplyOutcomeKind.Applied, await harness.Applier.ApplyAsync(harness.CustomerEvent(), None));
        var writes = harness.DataverseRequests.Writes;

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(), None);

        AssertKind(ApplyOutcomeKind.Skipped, outcome);
        Assert.Equal(writes, harness.DataverseRequests.Writes);
    }

    [Fact]
    public async Task A_paused_map_parks_the_event_until_the_map_resumes_and_writes_nothing()
    {
        await using var harness = await ApplierHarness.StartAsync();
        await harness.Stores.MapStates.PauseMapAsync("Customers V3", "maintenance", None);

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(), None);

        AssertKind(ApplyOutcomeKind.WaitForRecord, outcome);
        Assert.Equal(InboxWaitKeys.MapResumed("Customers V3"), outcome.WaitingFor);
        Assert.Equal(0, harness.DataverseRequests.Writes);
        Assert.Null(await harness.AccountAsync());
    }

    [Fact]
    public async Task A_change_made_on_both_sides_under_ManualReview_is_recorded_as_a_conflict_and_not_written()
    {
        await using var harness = await ApplierHarness.StartAsync(json => json.Replace("\"conflictPolicy\": \"FieldMerge\"", "\"conflictPolicy\": \"ManualReview\"", StringComparison.Ordinal));
        AssertKind(ApplyOutcomeKind.Applied, await harness.Applier.ApplyAsync(harness.CustomerEvent(), None));
        await harness.UpdateAccountAsync(new JsonObject { ["description"] = "From Dataverse" });
        await harness.UpdateFinOpsAsync(ApplierHarness.Customer, new JsonObject { ["SalesMemo"] = "From FinOps" });

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(), None);

        AssertKind(ApplyOutcomeKind.Skipped, outcome);
        Assert.Equal("From Dataverse", (await harness.AccountAsync())!["description"]!.GetValue<string>());
        var conflict = Assert.Single(await harness.Stores.Conflicts.GetOpenConflictsAsync(10, None)).Conflict;
        Assert.Equal("Customers V3", conflict.MapName);
        Assert.Equal(ApplierHarness.Customer, conflict.RecordKey);
        Assert.Contains("From FinOps", conflict.FinOpsJson, StringComparison.Ordinal);
        Assert.Contains("From Dataverse", conflict.DataverseJson, StringComparison.Ordinal);
        Assert.NotNull(conflict.LastSyncedJson);
    }

    [Fact]
    public async Task A_customer_whose_group_is_missing_in_Dataverse_is_parked_on_the_group_record()
    {
        await using var harness = await ApplierHarness.StartAsync();
        var group = await harness.FinOps.CreateAsync("CustomerGroups", new JsonObject { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "NEWGRP", ["Description"] = "New group" }, None);
        Assert.True(group.Succeeded, group.ToString());
        await harness.UpdateFinOpsAsync(ApplierHarness.Customer, new JsonObject { ["CustomerGroupId"] = "NEWGRP" });

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(), None);

        AssertKind(ApplyOutcomeKind.WaitForRecord, outcome);
        Assert.Equal("CustomerGroups(dataAreaId='usmf',CustomerGroupId='NEWGRP')", outcome.WaitingFor);
        Assert.Contains("'NEWGRP'", outcome.Reason, StringComparison.Ordinal);
        Assert.Null(await harness.AccountAsync());
    }

    [Fact]
    public async Task A_value_the_map_cannot_translate_fails_naming_the_map_field_key_and_value()
    {
        await using var harness = await ApplierHarness.StartAsync(json => json.Replace("{ \"finOps\": \"No\", \"dataverse\": 192350000 },", string.Empty, StringComparison.Ordinal));
        await harness.UpdateFinOpsAsync(ApplierHarness.Customer, new JsonObject { ["OnHoldStatus"] = "No" });

        var outcome = await harness.Applier.ApplyAsync(harness.CustomerEvent(), None);

        AssertKind(ApplyOutcomeKind.Failed, outcome);
        Assert.Contains("Map 'Customers V3': field OnHoldStatus value 'No' for key usmf/US-001", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.DataverseRequests.Writes);
    }

    private static void AssertKind(ApplyOutcomeKind expected, ApplyOutcome outcome) =>
        Assert.True(outcome.Kind == expected, "Expected " + expected + ", got " + outcome);
}
