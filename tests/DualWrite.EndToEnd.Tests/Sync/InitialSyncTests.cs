using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Bulk.InitialSync;
using Microsoft.Extensions.DependencyInjection;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>The run command's embedded default: the whole small F&amp;O data set reaches Dataverse in the initial sync.</summary>
public class InitialSyncTests
{
    [Fact]
    public async Task The_small_data_set_syncs_with_no_failure_in_any_map()
    {
        await using var rig = await SyncRig.StartAsync(SeedOptions.Small.Customers);
        var report = rig.InitialSyncReport;

        Assert.All(report.Maps, map => Assert.True(map.Failed == 0 && map.Status == InitialSyncMapStatus.Completed, map.Map + ": " + map.Status + ", " + map.Failed + " failed"));
        Assert.All(report.Maps, map => Assert.Equal(map.Read, map.Written + map.Skipped));
        Assert.Contains(report.Maps, map => map.Map == "Vendors V2" && map.Written > 0);
        Assert.Contains(report.Maps, map => map.Map == "Contacts" && map.Written > 0);
        Assert.True(report.Maps.Sum(m => m.Written) > SeedOptions.Small.Customers);
    }

    [Fact]
    public async Task A_Dataverse_restored_from_a_backup_is_repaired_by_the_next_initial_sync_despite_the_kept_state()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];
        await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["SalesMemo"] = "Memo F&O and Dataverse agreed on" });
        await rig.WaitForQuietAsync();
        var id = (await rig.AccountAsync(account))!["accountid"]!.GetValue<string>();

        // The restore: older values in Dataverse, written past our plug-in; the listener's state store still says both sides agree.
        var restored = await rig.Dataverse.UpsertAsync("accounts(" + id + ")", new JsonObject { ["description"] = null, ["name"] = "Name from the backup" }, UpsertMode.UpdateOnly, DataverseClient.IntegrationTag, CancellationToken.None);
        Assert.True(restored.Succeeded, restored.ToString());
        var again = await rig.Listener.Services.GetRequiredService<InitialSyncEngine>().RunAsync(InitialSyncRequest.All, null, CancellationToken.None);

        // The master's rows are written again whole (an upsert by key): the restored record is repaired, nothing duplicated.
        var customers = again.Maps.Single(m => m.Map == "Customers V3");
        Assert.Equal(0, customers.Failed);
        Assert.Equal(customers.Read, customers.Written + customers.Skipped);
        var repaired = (await rig.AccountAsync(account))!;
        Assert.Equal((await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>(), repaired["name"]!.GetValue<string>());
        Assert.Equal("Memo F&O and Dataverse agreed on", repaired["description"]?.GetValue<string>());
    }
}
