using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Tests.Applying;

/// <summary>
/// The applier's batch path: many events (one per record) handed over together, against real emulators. Each event
/// must come out as it would alone (the same decisions), with the reads and the write done in bulk.
/// </summary>
public sealed class ChangeApplierBatchTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_batch_of_new_customers_is_read_in_bulk_written_in_one_request_and_every_event_applied()
    {
        await using var harness = await ApplierHarness.StartAsync(customers: 30);
        var accounts = await harness.UsmfCustomersAsync();
        Assert.True(accounts.Count >= 8, "the seed has " + accounts.Count + " usmf customers");

        var outcomes = await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);

        Assert.All(outcomes, o => AssertKind(ApplyOutcomeKind.Applied, o));
        // One $batch of GETs (the current records), one $batch of upserts; only lookup ids (cached after the first) read alone.
        var requests = harness.DataverseRequests.Requests.ToList();
        Assert.Equal(2, requests.Count(r => r.Contains("$batch", StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.StartsWith("PATCH", StringComparison.Ordinal) || r.Contains("accounts", StringComparison.Ordinal));
        foreach (var account in accounts)
        {
            var customer = (await harness.FinOps.GetAsync(ApplierHarness.CustomerPath(account), null, None)).Value!;
            Assert.Equal(customer["OrganizationName"]!.GetValue<string>(), (await harness.AccountAsync(account))!["name"]!.GetValue<string>());
            Assert.NotNull(await harness.Stores.SyncState.GetSyncedRecordAsync(ApplierHarness.CustomerPath(account), None));
        }
    }

    [Fact]
    public async Task Echoes_in_a_batch_are_skipped_without_a_write_and_a_real_change_among_them_is_written()
    {
        await using var harness = await ApplierHarness.StartAsync(customers: 30);
        var accounts = await harness.UsmfCustomersAsync();
        await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);
        await harness.UpdateFinOpsAsync(ApplierHarness.CustomerPath(accounts[1]), new JsonObject { ["SalesMemo"] = "Changed in F&O" });
        var writesBefore = harness.DataverseRequests.Writes;

        var outcomes = await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);

        for (var i = 0; i < accounts.Count; i++)
        {
            AssertKind(i == 1 ? ApplyOutcomeKind.Applied : ApplyOutcomeKind.Skipped, outcomes[i]);
        }

        Assert.Equal(writesBefore + 2, harness.DataverseRequests.Writes); // One $batch of reads, one of the single write.
        Assert.Equal("Changed in F&O", (await harness.AccountAsync(accounts[1]))!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_record_Dataverse_refuses_fails_alone_with_its_reason_and_the_rest_of_the_batch_is_applied()
    {
        await using var harness = await ApplierHarness.StartAsync(
            customers: 30,
            configureDataverse: options => options.AdditionalSteps.Add(new StepRegistration
            {
                PluginFactory = (_, _) => new RefuseNamedAccountPlugin("Refused Ltd"),
                Name = "refuse one name",
                Message = "Create",
                Table = "account",
                Stage = PipelineStage.PreOperation,
            }));
        var accounts = await harness.UsmfCustomersAsync();
        var bad = accounts[2];
        await harness.UpdateFinOpsAsync(ApplierHarness.CustomerPath(bad), new JsonObject { ["OrganizationName"] = "Refused Ltd" });

        var outcomes = await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);

        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i] == bad)
            {
                AssertKind(ApplyOutcomeKind.Failed, outcomes[i]);
                Assert.Contains("Account names may not be 'Refused Ltd'", outcomes[i].Reason, StringComparison.Ordinal);
                Assert.Contains(bad, outcomes[i].Reason, StringComparison.Ordinal);
                Assert.Null(await harness.AccountAsync(bad));
            }
            else
            {
                AssertKind(ApplyOutcomeKind.Applied, outcomes[i]);
                Assert.NotNull(await harness.AccountAsync(accounts[i]));
            }
        }
    }

    [Fact]
    public async Task A_value_the_map_cannot_translate_fails_its_event_only()
    {
        await using var harness = await ApplierHarness.StartAsync(json => json.Replace("{ \"finOps\": \"No\", \"dataverse\": 192350000 },", string.Empty, StringComparison.Ordinal), customers: 30);
        var accounts = await harness.UsmfCustomersAsync();
        foreach (var account in accounts)
        {
            await harness.UpdateFinOpsAsync(ApplierHarness.CustomerPath(account), new JsonObject { ["OnHoldStatus"] = account == accounts[0] ? "No" : "All" });
        }

        var outcomes = await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);

        AssertKind(ApplyOutcomeKind.Failed, outcomes[0]);
        Assert.Contains("field OnHoldStatus value 'No' for key usmf/" + accounts[0], outcomes[0].Reason, StringComparison.Ordinal);
        Assert.All(outcomes.Skip(1), o => AssertKind(ApplyOutcomeKind.Applied, o));
    }

    [Fact]
    public async Task Conflicts_in_a_batch_are_resolved_per_policy_FieldMerge_keeps_both_sides_changes()
    {
        await using var harness = await ApplierHarness.StartAsync(customers: 30);
        var accounts = await harness.UsmfCustomersAsync();
        await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);
        var target = accounts[3];
        await harness.UpdateAccountAsync(target, new JsonObject { ["description"] = "From Dataverse" });
        await harness.UpdateFinOpsAsync(ApplierHarness.CustomerPath(target), new JsonObject { ["OrganizationName"] = "Renamed in F&O" });

        var outcomes = await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);

        AssertKind(ApplyOutcomeKind.Applied, outcomes[3]);
        var account = (await harness.AccountAsync(target))!;
        Assert.Equal("Renamed in F&O", account["name"]!.GetValue<string>());
        Assert.Equal("From Dataverse", account["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Under_ManualReview_a_record_changed_on_both_sides_is_queued_as_a_conflict_and_the_others_written()
    {
        await using var harness = await ApplierHarness.StartAsync(json => json.Replace("\"conflictPolicy\": \"FieldMerge\"", "\"conflictPolicy\": \"ManualReview\"", StringComparison.Ordinal), customers: 30);
        var accounts = await harness.UsmfCustomersAsync();
        await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);
        var target = accounts[0];
        await harness.UpdateAccountAsync(target, new JsonObject { ["description"] = "From Dataverse" });
        foreach (var account in accounts)
        {
            await harness.UpdateFinOpsAsync(ApplierHarness.CustomerPath(account), new JsonObject { ["SalesMemo"] = "From FinOps " + account });
        }

        var outcomes = await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);

        AssertKind(ApplyOutcomeKind.Skipped, outcomes[0]);
        Assert.Contains("queued for manual review", outcomes[0].Reason, StringComparison.Ordinal);
        Assert.Equal("From Dataverse", (await harness.AccountAsync(target))!["description"]!.GetValue<string>());
        var conflict = Assert.Single(await harness.Stores.Conflicts.GetOpenConflictsAsync(10, None)).Conflict;
        Assert.Equal(ApplierHarness.CustomerPath(target), conflict.RecordKey);
        for (var i = 1; i < accounts.Count; i++)
        {
            AssertKind(ApplyOutcomeKind.Applied, outcomes[i]);
            Assert.Equal("From FinOps " + accounts[i], (await harness.AccountAsync(accounts[i]))!["description"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Deletes_and_paused_maps_in_a_batch_take_the_single_path_with_its_outcomes()
    {
        await using var harness = await ApplierHarness.StartAsync(customers: 30);
        var accounts = await harness.UsmfCustomersAsync();
        await harness.Applier.ApplyBatchAsync(accounts.Select(a => harness.CustomerEvent(a)).ToList(), None);
        Assert.True((await harness.FinOps.DeleteAsync(ApplierHarness.CustomerPath(accounts[0]), None)).Value);
        Assert.True((await harness.FinOps.DeleteAsync(ApplierHarness.CustomerPath(accounts[1]), None)).Value);
        await harness.UpdateFinOpsAsync(ApplierHarness.CustomerPath(accounts[2]), new JsonObject { ["SalesMemo"] = "Still here" });
        var events = new List<InboxEvent>
        {
            harness.CustomerEvent(accounts[0], ChangeOperation.Delete),
            harness.CustomerEvent(accounts[1]), // An update whose record F&O no longer has: deleted too.
            harness.CustomerEvent(accounts[2]),
            harness.CustomerEvent(accounts[3]),
            harness.CustomerEvent(accounts[4]),
        };

        var outcomes = await harness.Applier.ApplyBatchAsync(events, None);

        AssertKind(ApplyOutcomeKind.Applied, outcomes[0]);
        AssertKind(ApplyOutcomeKind.Applied, outcomes[1]);
        AssertKind(ApplyOutcomeKind.Applied, outcomes[2]);
        AssertKind(ApplyOutcomeKind.Skipped, outcomes[3]);
        Assert.Null(await harness.AccountAsync(accounts[0]));
        Assert.Null(await harness.AccountAsync(accounts[1]));
        Assert.Equal("Still here", (await harness.AccountAsync(accounts[2]))!["description"]!.GetValue<string>());

        await harness.Stores.MapStates.PauseMapAsync("Customers V3", "maintenance", None);
        var paused = await harness.Applier.ApplyBatchAsync(accounts.Skip(2).Select(a => harness.CustomerEvent(a)).ToList(), None);
        Assert.All(paused, o => Assert.Equal(InboxWaitKeys.MapResumed("Customers V3"), o.WaitingFor));
    }

    private static void AssertKind(ApplyOutcomeKind expected, ApplyOutcome outcome) =>
        Assert.True(outcome.Kind == expected, "Expected " + expected + ", got " + outcome);
}
