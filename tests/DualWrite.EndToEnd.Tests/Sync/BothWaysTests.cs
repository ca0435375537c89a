using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Inbox;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>The product over loopback HTTP: F&amp;O business events into the listener, Dataverse saves through the plug-in.</summary>
public class BothWaysTests
{
    [Fact]
    public async Task A_change_in_FinOps_appears_in_Dataverse()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];

        await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["OrganizationName"] = "Renamed in FinOps" });

        await Eventually.TrueAsync(async () => (await rig.AccountAsync(account))?["name"]?.GetValue<string>() == "Renamed in FinOps", "the account renamed in Dataverse");
    }

    [Fact]
    public async Task A_change_in_Dataverse_appears_in_FinOps_and_its_echo_writes_nothing_back()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];
        var id = (await rig.AccountAsync(account))!["accountid"]!.GetValue<string>();
        await rig.WaitForQuietAsync();
        var listenerWritesBefore = ListenerWrites(rig);
        var finOpsWritesBefore = FinOpsCustomerWrites(rig);

        using var saved = await rig.SaveInDataverseAsync("accounts(" + id + ")", new JsonObject { ["name"] = "Renamed in Dataverse" });

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("Renamed in Dataverse", (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
        await Eventually.TrueAsync(() => Task.FromResult(rig.Emulators.FinOps.Control.Events.Published.Count(e => e.Event.ContextRecordSubject.Contains(account, StringComparison.Ordinal)) > 0), "F&O's event for the plug-in's write");
        await rig.WaitForQuietAsync();
        Assert.Equal(finOpsWritesBefore + 1, FinOpsCustomerWrites(rig));
        Assert.Equal(listenerWritesBefore, ListenerWrites(rig));
        var events = await rig.Inbox.GetRecordEventsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')", default);
        Assert.Equal(InboxEventState.Skipped, events[^1].State);
    }

    /// <summary>Writes of synced records; clearing a matched write-through ledger row is bookkeeping, not a write back.</summary>
    private static int ListenerWrites(SyncRig rig) =>
        rig.ListenerToDataverse.Requests.Count(r => !r.Contains("dw_writethroughs", StringComparison.Ordinal)
            && (r.StartsWith("PATCH /api/data/v9.2/accounts", StringComparison.Ordinal) || r.StartsWith("POST", StringComparison.Ordinal) || r.StartsWith("DELETE", StringComparison.Ordinal)));

    private static int FinOpsCustomerWrites(SyncRig rig) =>
        rig.Emulators.FinOps.Control.Requests.Count(r => r.Method == "PATCH" && r.Target.Contains("CustomersV3", StringComparison.Ordinal));
}
