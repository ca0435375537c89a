using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;

namespace DualWrite.EndToEnd.Tests.Applying;

/// <summary>
/// Each policy over real HTTP: a synced account, then a Dataverse edit (tagged, as a concurrent change the
/// plug-in has not carried to F&amp;O yet) and an F&amp;O edit, then the F&amp;O event.
/// </summary>
public class ConflictPolicyTests
{
    private const string Customer = "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')";

    [Fact]
    public async Task FieldMerge_keeps_a_Dataverse_edit_and_an_FinOps_edit_to_different_fields()
    {
        await using var rig = await SyncedAsync("FieldMerge");
        await EditDataverseAsync(rig, new JsonObject { ["name"] = "Renamed in Dataverse" });
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "Memo from FinOps" });

        OutcomeAssert.Is(ApplyOutcomeKind.Applied, await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None));

        var account = (await rig.AccountAsync("US-001"))!;
        Assert.Equal("Renamed in Dataverse", account["name"]!.GetValue<string>());
        Assert.Equal("Memo from FinOps", account["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_Dataverse_edit_F_and_O_does_not_hold_yet_survives_later_FinOps_events()
    {
        await using var rig = await SyncedAsync("FieldMerge");
        await EditDataverseAsync(rig, new JsonObject { ["name"] = "Renamed in Dataverse" });
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "First memo" });
        await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "Second memo" });

        OutcomeAssert.Is(ApplyOutcomeKind.Applied, await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None));

        var account = (await rig.AccountAsync("US-001"))!;
        Assert.Equal("Renamed in Dataverse", account["name"]!.GetValue<string>());
        Assert.Equal("Second memo", account["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true, "From FinOps")]
    [InlineData(false, "From Dataverse")]
    public async Task FieldMerge_gives_a_field_changed_on_both_sides_to_the_last_writer(bool finOpsLast, string expected)
    {
        await using var rig = await SyncedAsync("FieldMerge");
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "From FinOps" });
        await EditDataverseAsync(rig, new JsonObject { ["description"] = "From Dataverse" });

        // modifiedon has whole seconds: the F&O event is stamped clearly before or after the Dataverse edit.
        var finOpsEvent = rig.ShiftedCustomerEvent("US-001", finOpsLast ? 5 : -5);

        await rig.Applier.ApplyAsync(finOpsEvent, CancellationToken.None);

        Assert.Equal(expected, (await rig.AccountAsync("US-001"))!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task FinOpsWins_overwrites_a_later_Dataverse_edit_of_the_same_field()
    {
        await using var rig = await SyncedAsync("FinOpsWins");
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "From FinOps" });
        var finOpsEvent = rig.ShiftedCustomerEvent("US-001", -5);
        await EditDataverseAsync(rig, new JsonObject { ["description"] = "From Dataverse" });

        OutcomeAssert.Is(ApplyOutcomeKind.Applied, await rig.Applier.ApplyAsync(finOpsEvent, CancellationToken.None));

        Assert.Equal("From FinOps", (await rig.AccountAsync("US-001"))!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task DataverseWins_keeps_the_Dataverse_value_of_a_field_changed_on_both_sides()
    {
        await using var rig = await SyncedAsync("DataverseWins");
        await EditDataverseAsync(rig, new JsonObject { ["description"] = "From Dataverse" });
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "From FinOps" });

        OutcomeAssert.Is(ApplyOutcomeKind.Skipped, await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None));

        Assert.Equal("From Dataverse", (await rig.AccountAsync("US-001"))!["description"]!.GetValue<string>());
        Assert.Equal("From Dataverse", (await FinOpsCustomerAsync(rig))["SalesMemo"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_conflict_decided_for_Dataverse_reaches_FinOps_and_the_next_event_writes_nothing()
    {
        await using var rig = await SyncedAsync("LastWriterWins");
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["OrganizationName"] = "FO-side" });
        var olderFinOpsEvent = rig.ShiftedCustomerEvent("US-001", -5);
        await EditDataverseAsync(rig, new JsonObject { ["name"] = "DV-side" });

        await rig.Applier.ApplyAsync(olderFinOpsEvent with { FirstReceivedAt = olderFinOpsEvent.FirstReceivedAt.AddSeconds(-5) }, CancellationToken.None);
        var echo = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);

        Assert.Equal("DV-side", (await FinOpsCustomerAsync(rig))["OrganizationName"]!.GetValue<string>());
        Assert.Equal("DV-side", (await rig.AccountAsync("US-001"))!["name"]!.GetValue<string>());
        OutcomeAssert.Is(ApplyOutcomeKind.Skipped, echo);
    }

    [Fact]
    public async Task A_conflict_decided_for_Dataverse_leaves_out_the_nulls_FinOps_takes_no_null_for()
    {
        // A record created in Dataverse through a minimal form: empty credit limit, employees and hold status.
        await using var rig = await SyncedAsync("LastWriterWins");
        var before = await FinOpsCustomerAsync(rig);
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["OrganizationName"] = "FO-side" });
        var olderFinOpsEvent = rig.ShiftedCustomerEvent("US-001", -5);
        await EditDataverseAsync(rig, new JsonObject { ["name"] = "DV-side", ["creditlimit"] = null, ["numberofemployees"] = null });

        var outcome = await rig.Applier.ApplyAsync(olderFinOpsEvent with { FirstReceivedAt = olderFinOpsEvent.FirstReceivedAt.AddSeconds(-5) }, CancellationToken.None);

        Assert.NotEqual(ApplyOutcomeKind.Failed, outcome.Kind);
        var customer = await FinOpsCustomerAsync(rig);
        Assert.Equal("DV-side", customer["OrganizationName"]!.GetValue<string>());
        Assert.Equal(before["CreditLimit"]!.ToJsonString(), customer["CreditLimit"]!.ToJsonString());
        Assert.Equal(before["OrganizationNumberOfEmployees"]!.ToJsonString(), customer["OrganizationNumberOfEmployees"]!.ToJsonString());
    }

    [Fact]
    public async Task An_event_dated_in_year_9999_does_not_win_over_a_later_Dataverse_edit()
    {
        await using var rig = await SyncedAsync("LastWriterWins");
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["OrganizationName"] = "FO-side" });
        var received = TimeProvider.System.GetUtcNow().AddSeconds(-5);
        var forged = rig.EventFor("CustomersV3", DualWrite.Core.Events.ChangeOperation.Update, new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc), ("dataAreaId", "usmf"), ("CustomerAccount", "US-001"))
            with { FirstReceivedAt = received };
        await EditDataverseAsync(rig, new JsonObject { ["name"] = "DV-side" });

        await rig.Applier.ApplyAsync(forged, CancellationToken.None);

        Assert.Equal("DV-side", (await rig.AccountAsync("US-001"))!["name"]!.GetValue<string>());
        Assert.Equal("DV-side", (await FinOpsCustomerAsync(rig))["OrganizationName"]!.GetValue<string>());
    }

    [Fact]
    public async Task LastWriterWins_keeps_the_whole_later_Dataverse_record_as_dual_write_does()
    {
        await using var rig = await SyncedAsync("LastWriterWins");
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "From FinOps" });
        var finOpsEvent = rig.ShiftedCustomerEvent("US-001", -5);
        await EditDataverseAsync(rig, new JsonObject { ["name"] = "Renamed in Dataverse" });

        OutcomeAssert.Is(ApplyOutcomeKind.Skipped, await rig.Applier.ApplyAsync(finOpsEvent, CancellationToken.None));

        var account = (await rig.AccountAsync("US-001"))!;
        Assert.Equal("Renamed in Dataverse", account["name"]!.GetValue<string>());
        Assert.NotEqual("From FinOps", account["description"]?.GetValue<string>());
        var customer = await FinOpsCustomerAsync(rig);
        Assert.Equal("Renamed in Dataverse", customer["OrganizationName"]!.GetValue<string>());
        // F&O keeps an empty string where Dataverse keeps null: the two agree.
        Assert.Equal(account["description"]?.GetValue<string>() ?? string.Empty, customer["SalesMemo"]?.GetValue<string>() ?? string.Empty);
    }

    [Fact]
    public async Task ManualReview_queues_the_conflict_with_both_versions_and_writes_nothing()
    {
        await using var rig = await SyncedAsync("ManualReview");
        await EditDataverseAsync(rig, new JsonObject { ["description"] = "From Dataverse" });
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "From FinOps" });

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Skipped, outcome);
        Assert.Equal("From Dataverse", (await rig.AccountAsync("US-001"))!["description"]!.GetValue<string>());
        ConflictEntry conflict = Assert.Single(await rig.Conflicts.GetOpenConflictsAsync(10, CancellationToken.None));
        Assert.Equal("Customers V3", conflict.Conflict.MapName);
        Assert.Contains("From FinOps", conflict.Conflict.FinOpsJson, StringComparison.Ordinal);
        Assert.Contains("From Dataverse", conflict.Conflict.DataverseJson, StringComparison.Ordinal);
        Assert.Contains("SalesMemo", conflict.Conflict.Reason, StringComparison.Ordinal);
    }

    private static async Task<ApplierRig> SyncedAsync(string policy)
    {
        var rig = await ApplierRig.StartAsync(StandardMaps.WithPolicy("customers-v3.json", policy));
        Assert.Equal(policy, rig.Catalog.ForFinOpsEntitySet("CustomersV3")!.ConflictPolicy.ToString());
        OutcomeAssert.Is(ApplyOutcomeKind.Applied, await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None));
        return rig;
    }

    private static async Task<JsonObject> FinOpsCustomerAsync(ApplierRig rig) => (await rig.FinOps.GetAsync(Customer, null, CancellationToken.None)).Value!;

    private static async Task EditDataverseAsync(ApplierRig rig, JsonObject changes)
    {
        var account = (await rig.AccountAsync("US-001"))!;
        await rig.UpdateDataverseAsync("accounts(" + account["accountid"]!.GetValue<string>() + ")", changes);
    }
}
