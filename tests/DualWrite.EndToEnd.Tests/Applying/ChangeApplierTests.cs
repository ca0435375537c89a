using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Processing;

namespace DualWrite.EndToEnd.Tests.Applying;

public class ChangeApplierTests
{
    private const string Customer = "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')";

    [Fact]
    public async Task A_new_FinOps_customer_is_upserted_into_Dataverse_by_alternate_key_with_the_DualWrite_tag()
    {
        await using var rig = await ApplierRig.StartAsync();

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001", ChangeOperation.Create), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Applied, outcome);
        var finOps = (await rig.FinOps.GetAsync(Customer, null, CancellationToken.None)).Value!;
        var account = await rig.AccountAsync("US-001");
        Assert.NotNull(account);
        Assert.Equal(finOps["OrganizationName"]!.GetValue<string>(), account!["name"]!.GetValue<string>());
        Assert.NotNull(account["_msdyn_customergroupid_value"]);
        var write = Assert.Single(rig.DataverseRequests.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
        Assert.Contains("accounts(_msdyn_company_value=", write, StringComparison.Ordinal);
        Assert.EndsWith("?tag=DualWrite", write, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_event_again_writes_nothing()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);
        var writesBefore = rig.DataverseRequests.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal));

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Skipped, outcome);
        Assert.Equal(writesBefore, rig.DataverseRequests.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_FinOps_update_writes_only_the_changed_column()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);
        await rig.UpdateFinOpsAsync(Customer, new JsonObject { ["SalesMemo"] = "Call before delivery" });
        while (rig.DataverseRequests.Requests.TryDequeue(out _))
        {
        }

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Applied, outcome);
        Assert.Equal("Call before delivery", (await rig.AccountAsync("US-001"))!["description"]!.GetValue<string>());
        var synced = await rig.SyncState.GetSyncedRecordAsync(Customer, CancellationToken.None);
        Assert.Contains("Call before delivery", synced!.FieldsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_gone_from_FinOps_is_deleted_in_Dataverse()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);
        Assert.True((await rig.FinOps.DeleteAsync(Customer, CancellationToken.None)).Value);

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001", ChangeOperation.Delete), CancellationToken.None);
        var again = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001", ChangeOperation.Delete), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Applied, outcome);
        Assert.Null(await rig.AccountAsync("US-001"));
        OutcomeAssert.Is(ApplyOutcomeKind.Skipped, again);
    }

    [Fact]
    public async Task A_map_configured_to_deactivate_sets_statecode_instead_of_deleting()
    {
        var options = new DualWrite.Listener.Applying.ApplierOptions();
        options.DeactivateOnDelete.Add("Customers V3");
        await using var rig = await ApplierRig.StartAsync(options: options);
        await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);
        await rig.FinOps.DeleteAsync(Customer, CancellationToken.None);

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001", ChangeOperation.Delete), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Applied, outcome);
        Assert.Equal(1, (await rig.AccountAsync("US-001"))!["statecode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_paused_map_parks_the_event_until_it_is_resumed()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.MapStates.PauseMapAsync("Customers V3", "maintenance", CancellationToken.None);

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.WaitForRecord, outcome);
        Assert.Equal("map:Customers V3", outcome.WaitingFor);
        Assert.Null(await rig.AccountAsync("US-001"));
    }

    [Fact]
    public async Task An_entity_set_no_map_covers_is_skipped()
    {
        await using var rig = await ApplierRig.StartAsync();

        var outcome = await rig.Applier.ApplyAsync(rig.EventFor("WarehousesV2", ChangeOperation.Update, ("dataAreaId", "usmf"), ("WarehouseId", "11")), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Skipped, outcome);
    }
}
