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
    public async Task A_change_in_FnO_appears_in_Dataverse()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];

        await rig.UpdateCustomerInFnOAsync(account, new JsonObject { ["OrganizationName"] = "Renamed in FnO" });

        await Eventually.TrueAsync(async () => (await rig.AccountAsync(account))?["name"]?.GetValue<string>() == "Renamed in FnO", "the account renamed in Dataverse");
    }

    [Fact]
    public async Task A_change_in_Dataverse_appears_in_FnO_and_its_echo_writes_nothing_back()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];
        var id = (await rig.AccountAsync(account))!["accountid"]!.GetValue<string>();
        await rig.WaitForQuietAsync();
        var listenerWritesBefore = ListenerWrites(rig);
        var fnOWritesBefore = FnOCustomerWrites(rig);

        using var saved = await rig.SaveInDataverseAsync("accounts(" + id + ")", new JsonObject { ["name"] = "Renamed in Dataverse" });

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("Renamed in Dataverse", (await rig.FnOCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
        await Eventually.TrueAsync(() => Task.FromResult(rig.Emulators.FinOps.Control.Events.Published.Count(e => e.Event.ContextRecordSubject.Contains(account, StringComparison.Ordinal)) > 0), "F&O's event for the plug-in's write");
        await rig.WaitForQuietAsync();
        Assert.Equal(fnOWritesBefore + 1, FnOCustomerWrites(rig));
        Assert.Equal(listenerWritesBefore, ListenerWrites(rig));
        var events = await rig.Inbox.GetRecordEventsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')", default);
        Assert.Equal(InboxEventState.Skipped, events[^1].State);
    }

    /// <summary>Writes of synced records; clearing a matched write-through ledger row is bookkeeping, not a write back.</summary>
    private static int ListenerWrites(SyncRig rig) =>
        rig.ListenerToDataverse.Requests.Count(r => !r.Contains("dw_writethroughs", StringComparison.Ordinal)
            && (r.StartsWith("PATCH /api/data/v9.2/accounts", StringComparison.Ordinal) || r.StartsWith("POST", StringComparison.Ordinal) || r.StartsWith("DELETE", StringComparison.Ordinal)));

    private static int FnOCustomerWrites(SyncRig rig) =>
        rig.Emulators.FinOps.Control.Requests.Count(r => r.Method == "PATCH" && r.Target.Contains("CustomersV3", StringComparison.Ordinal));
}
