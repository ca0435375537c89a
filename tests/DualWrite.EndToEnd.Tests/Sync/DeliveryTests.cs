using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Inbox;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>F&amp;O delivers at least once and in no guaranteed order; Dataverse must still end at F&amp;O's latest state.</summary>
public class DeliveryTests
{
    [Fact]
    public async Task Duplicate_and_out_of_order_deliveries_converge_to_the_latest_FinOps_state()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];
        var events = rig.Emulators.FinOps.Control.Events;

        for (var i = 1; i <= 6; i++)
        {
            if (i % 2 == 1)
            {
                events.ReorderNext();
            }

            events.DuplicateNext(2);
            await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["OrganizationName"] = "Version " + i });
        }

        await rig.WaitForQuietAsync();
        Assert.Equal("Version 6", (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
        var stored = await rig.Inbox.GetRecordEventsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')", CancellationToken.None);
        Assert.Equal(6, stored.Count);
        Assert.Contains(stored, e => e.ReceiveCount > 1);
        Assert.DoesNotContain(stored, e => e.State == InboxEventState.Failed);
    }

    [Fact]
    public async Task A_customer_arriving_before_its_new_group_is_parked_then_applied_when_the_group_arrives()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];
        var events = rig.Emulators.FinOps.Control.Events;
        // The group's event is held back and delivered after the customer's, which points at the group.
        events.ReorderNext();
        var created = await rig.FinOps.CreateAsync("CustomerGroups", new JsonObject { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "LATE", ["Description"] = "Arrives late" }, CancellationToken.None);
        Assert.True(created.Succeeded, created.ToString());
        await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["CustomerGroupId"] = "LATE" });

        await rig.WaitForQuietAsync();
        var customerEvents = await rig.Inbox.GetRecordEventsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')", CancellationToken.None);
        var last = customerEvents[^1];
        Assert.Equal(InboxEventState.Applied, last.State);
        Assert.True(last.Attempts >= 2, "The customer's event was applied at once; it should have waited for the group.");
        var group = await rig.Dataverse.FindIdAsync("msdyn_customergroups(msdyn_groupid='LATE',_msdyn_company_value=" + (await rig.Dataverse.FindIdAsync("cdm_companies(cdm_companycode='USMF')", "cdm_company", CancellationToken.None)).Value + ")", "msdyn_customergroup", CancellationToken.None);
        Assert.Equal(group.Value!.Value.ToString("D"), (await rig.AccountAsync(account))!["_msdyn_customergroupid_value"]!.GetValue<string>());
    }
}
