using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Pausing;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.MapStates;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.EndToEnd.Tests.Pausing;

/// <summary>
/// The plug-in honours a map paused through <see cref="MapOperations"/>: the listener mirrors the state into
/// Dataverse, and a save on the map's table is refused naming the map, or queued and sent to F&amp;O, in order, after
/// the map resumes, as the step's <c>onPaused</c> says.
/// </summary>
public sealed class PausedMapWriteThroughTests
{
    private const string Map = "Customers V3";

    // The sender polls Dataverse for queued changes this often (a resume wakes it at once anyway).
    private const string FastQueue = "--DualWrite:QueuedChanges:PollInterval=00:00:00.500";

    [Fact]
    public async Task A_save_on_a_paused_maps_table_is_refused_naming_the_map_and_the_reason()
    {
        await using var rig = await SyncRig.StartAsync(customers: 6, FastQueue);
        var (account, id) = await FirstAccountAsync(rig);
        var before = (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>();
        var operations = rig.Listener.Services.GetRequiredService<MapOperations>();

        var paused = await operations.PauseAsync(Map, "F&O maintenance", CancellationToken.None);
        using var refused = await rig.SaveInDataverseAsync("accounts(" + id + ")", new JsonObject { ["name"] = "Saved while paused" });

        Assert.True(paused.Succeeded, paused.Detail);
        Assert.False(refused.IsSuccessStatusCode);
        var message = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Map 'Customers V3' is paused (F&O maintenance)", message, StringComparison.Ordinal);
        Assert.Equal(before, (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
        Assert.Equal(before, (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());

        // Resumed, the same save writes through again.
        Assert.True((await operations.ResumeAsync(Map, null, CancellationToken.None)).Succeeded);
        using var saved = await rig.SaveInDataverseAsync("accounts(" + id + ")", new JsonObject { ["name"] = "Saved after resume" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal("Saved after resume", (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_queue_the_saves_land_in_Dataverse_and_reach_FinOps_in_order_after_resume()
    {
        await using var rig = await SyncRig.StartAsync(dataverse => dataverse.Steps.UnsecureSettings["onPaused"] = "queue", customers: 6, FastQueue);
        var (account, id) = await FirstAccountAsync(rig);
        var (otherAccount, otherId) = await FirstAccountAsync(rig, skip: 1);
        var before = (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>();
        var operations = rig.Listener.Services.GetRequiredService<MapOperations>();
        Assert.True((await operations.PauseAsync(Map, null, CancellationToken.None)).Succeeded);

        foreach (var (path, name) in new[] { (id, "Queued 1"), (otherId, "Other queued"), (id, "Queued 2"), (id, "Queued 3") })
        {
            using var saved = await rig.SaveInDataverseAsync("accounts(" + path + ")", new JsonObject { ["name"] = name });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        Assert.Equal("Queued 3", (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
        Assert.Equal(before, (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
        Assert.Equal(4, (await QueuedRowsAsync(rig)).Count);

        Assert.True((await operations.ResumeAsync(Map, null, CancellationToken.None)).Succeeded);

        // The last save wins in F&O only if the queue went in order; then the queue is empty and saves write through.
        await Eventually.TrueAsync(async () => (await QueuedRowsAsync(rig)).Count == 0 && !await QueueFlagAsync(rig), "the queue to be sent and the plug-in told");
        Assert.Equal("Queued 3", (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
        Assert.Equal("Other queued", (await rig.FinOpsCustomerAsync(otherAccount))!["OrganizationName"]!.GetValue<string>());
        await Task.Delay(TimeSpan.FromSeconds(1));
        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("Queued 3", (await rig.AccountAsync(account))!["name"]!.GetValue<string>());

        using var live = await rig.SaveInDataverseAsync("accounts(" + id + ")", new JsonObject { ["name"] = "Live again" });
        Assert.True(live.IsSuccessStatusCode, await live.Content.ReadAsStringAsync());
        Assert.Equal("Live again", (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
        Assert.Empty(await QueuedRowsAsync(rig));
    }

    [Fact]
    public async Task A_queued_change_FinOps_refuses_stays_with_its_reason_and_holds_back_only_its_records_later_changes()
    {
        await using var rig = await SyncRig.StartAsync(dataverse => dataverse.Steps.UnsecureSettings["onPaused"] = "queue", customers: 6, FastQueue, "--DualWrite:QueuedChanges:RetryDelay=00:00:05");
        var (account, id) = await FirstAccountAsync(rig);
        var (otherAccount, otherId) = await FirstAccountAsync(rig, skip: 1);
        var operations = rig.Listener.Services.GetRequiredService<MapOperations>();
        Assert.True((await operations.PauseAsync(Map, null, CancellationToken.None)).Succeeded);
        foreach (var (path, name) in new[] { (id, "Refused by F&O"), (id, "Fine after all"), (otherId, "Other queued") })
        {
            using var saved = await rig.SaveInDataverseAsync("accounts(" + path + ")", new JsonObject { ["name"] = name });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        // The first write F&O sees after the resume (the oldest queued change) is refused.
        rig.Emulators.FinOps.Control.Faults.FailNextWrites(1, 400, "The customer is locked by a journal.");
        Assert.True((await operations.ResumeAsync(Map, null, CancellationToken.None)).Succeeded);

        await Eventually.TrueAsync(
            async () => (await QueuedRowsAsync(rig)) is { Count: 2 } rows && rows[0]![QueuedChangeTable.LastError] is JsonValue,
            "the other record's change to be sent, the refused one kept with F&O's reason");
        var held = await QueuedRowsAsync(rig);
        Assert.Contains("The customer is locked by a journal.", held[0]![QueuedChangeTable.LastError]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, held[0]![QueuedChangeTable.Attempts]!.GetValue<int>());
        Assert.Null(held[1]![QueuedChangeTable.LastError]);
        Assert.Equal("Other queued", (await rig.FinOpsCustomerAsync(otherAccount))!["OrganizationName"]!.GetValue<string>());
        Assert.True(await QueueFlagAsync(rig), "saves keep queuing behind a refused change");

        // F&O takes it on the next try; the record's later change follows, in order.
        await Eventually.TrueAsync(async () => (await QueuedRowsAsync(rig)).Count == 0 && !await QueueFlagAsync(rig), "the held changes to be sent", TimeSpan.FromSeconds(60));
        Assert.Equal("Fine after all", (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stopped_map_lets_saves_through_and_sends_nothing()
    {
        await using var rig = await SyncRig.StartAsync(customers: 6, FastQueue);
        var (account, id) = await FirstAccountAsync(rig);
        var before = (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>();
        var operations = rig.Listener.Services.GetRequiredService<MapOperations>();
        Assert.True((await operations.StopAsync(Map, "not needed", CancellationToken.None)).Succeeded);

        using var saved = await rig.SaveInDataverseAsync("accounts(" + id + ")", new JsonObject { ["name"] = "Saved while stopped" });

        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal("Saved while stopped", (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
        Assert.Equal(before, (await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>());
        Assert.Empty(await QueuedRowsAsync(rig));
    }

    private static async Task<(string Account, string Id)> FirstAccountAsync(SyncRig rig, int skip = 0)
    {
        var accounts = await rig.SyncedUsmfAccountsAsync();
        var account = accounts[skip];
        var record = await rig.AccountAsync(account);
        return (account, record!["accountid"]!.GetValue<string>());
    }

    private static async Task<JsonArray> QueuedRowsAsync(SyncRig rig)
    {
        using var http = await rig.Emulators.Dataverse.CreateAuthenticatedClientAsync();
        return JsonNode.Parse(await http.GetStringAsync(QueuedChangeTable.EntitySet + "?$orderby=" + QueuedChangeTable.Sequence + " asc"))!["value"]!.AsArray();
    }

    private static async Task<bool> QueueFlagAsync(SyncRig rig)
    {
        using var http = await rig.Emulators.Dataverse.CreateAuthenticatedClientAsync();
        var row = JsonNode.Parse(await http.GetStringAsync(MapStateTable.EntitySet + "(dw_name='Customers%20V3')"))!;
        return row[MapStateTable.HasQueuedChanges]?.GetValue<bool>() ?? false;
    }
}
