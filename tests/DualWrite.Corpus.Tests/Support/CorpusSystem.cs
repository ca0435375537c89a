using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Embedded;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Corpus.Tests.Support;

/// <summary>
/// The whole product on loopback, started once for the HTTP and value cases: both emulators (our plug-in registered
/// in Dataverse), the real listener registered for F&amp;O's business events, after an initial sync; an admin key and
/// an HMAC key configured so every authentication path is reachable.
/// </summary>
public sealed class CorpusSystem : IAsyncLifetime
{
    public const string AdminKey = "corpus-admin-key";
    public const string HmacKey = "corpus-hmac-key";

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("dualwrite-corpus-").FullName;
    private int renames;

    public EmbeddedEmulators Emulators { get; private set; } = null!;

    public RunningListener Listener { get; private set; } = null!;

    /// <summary>The listener's base address (admin API, events).</summary>
    public HttpClient Http { get; private set; } = null!;

    public FinOpsClient FinOps => Listener.Services.GetRequiredService<FinOpsClient>();

    public IEventInbox Inbox => Listener.Services.GetRequiredService<IEventInbox>();

    /// <summary>A usmf organization customer the initial sync brought to Dataverse: the good record sent after each bad one.</summary>
    public string GoodAccount { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulators = await EmbeddedEmulators.StartAsync(new EmbeddedOptions { FinOpsPort = 0, DataversePort = 0, ListenerUrls = "http://127.0.0.1:0", Customers = 9 }, CancellationToken.None);
        var args = Emulators.ListenerArguments("http://127.0.0.1:0", dataDirectory).Concat(
        [
            "--DualWrite:Receiving:HmacKey=" + HmacKey,
            "--DualWrite:Receiving:MaxBodyBytes=65536",
            "--DualWrite:Admin:ApiKey=" + AdminKey,
            "--DualWrite:Processing:InitialRetryDelay=00:00:00.100",
            "--DualWrite:Processing:MaxRetryDelay=00:00:00.500",
            "--DualWrite:Processing:IdleRecheckInterval=00:00:00.250",
            "--DualWrite:Resilience:RetryBaseDelay=00:00:00.050",
            "--DualWrite:Resilience:RetryMaxDelay=00:00:00.200",
            "--DualWrite:Resilience:MaxRetryAttempts=1",
            "--Logging:LogLevel:Default=Warning",
        ]).ToList();
        Listener = await RunningListener.StartAsync(args, null, CancellationToken.None);
        Emulators.RegisterListener(Listener.EventsUrl, "corpus listener");
        Http = new HttpClient { BaseAddress = new Uri(Listener.EventsUrl.GetLeftPart(UriPartial.Authority)) };
        var report = await Listener.Services.GetRequiredService<InitialSyncEngine>().RunAsync(InitialSyncRequest.All, null, CancellationToken.None);
        Assert.True(report.AllCompleted && report.Failed == 0, "the corpus system's initial sync failed");
        var rows = await FinOps.QueryAllAsync("CustomersV3", new DualWrite.Listener.Clients.OData.ODataQuery { Filter = "dataAreaId eq 'usmf' and PartyType eq 'Organization'", Select = ["CustomerAccount"] }, cancellationToken: CancellationToken.None);
        GoodAccount = rows.GetValueOrThrow().Select(r => r["CustomerAccount"]!.GetValue<string>()).Order(StringComparer.Ordinal).First();
    }

    /// <summary>Everything F&amp;O published is delivered and the inbox holds nothing unfinished.</summary>
    public async Task WaitForQuietAsync()
    {
        var limit = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < limit)
        {
            await Emulators.FinOps.Control.Events.WaitForIdleAsync(TimeSpan.FromSeconds(5));
            var counts = await Inbox.GetStateCountsAsync(CancellationToken.None);
            if (counts.Where(c => c.Key is not (InboxEventState.Applied or InboxEventState.Skipped or InboxEventState.Failed)).Sum(c => c.Value) == 0
                && Emulators.FinOps.Control.Events.PendingDeliveries == 0)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("the listener did not settle");
    }

    /// <summary>How many events the inbox holds, in any state (a refused request must not change it).</summary>
    public async Task<int> InboxCountAsync() => (await Inbox.GetStateCountsAsync(CancellationToken.None)).Values.Sum();

    /// <summary>
    /// The rest of the stream keeps flowing: renames the good customer in F&amp;O (F&amp;O delivers its event to the
    /// listener) and waits until Dataverse's account shows the new name.
    /// </summary>
    public async Task AssertGoodRecordFlowsAsync(string context)
    {
        var name = "Corpus follower " + Interlocked.Increment(ref renames);
        var update = await FinOps.UpdateAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='" + GoodAccount + "')", new JsonObject { ["OrganizationName"] = name }, CancellationToken.None);
        Assert.True(update.Succeeded, update.ToString());
        var limit = DateTime.UtcNow.AddSeconds(15);
        string? seen = null;
        while (DateTime.UtcNow < limit)
        {
            seen = (await AccountAsync(GoodAccount))?["name"]?.GetValue<string>();
            if (seen == name)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail(context + ": the good record sent after it did not reach Dataverse (account name '" + seen + "', expected '" + name + "')");
    }

    /// <summary>A Dataverse account by its F&amp;O customer account (null when absent), read straight from the emulator.</summary>
    public async Task<JsonObject?> AccountAsync(string account, string company = "USMF")
    {
        using var http = await Emulators.Dataverse.CreateAuthenticatedClientAsync();
        var companyJson = JsonNode.Parse(await http.GetStringAsync("cdm_companies(cdm_companycode='" + company + "')?$select=cdm_companyid"))!;
        using var response = await http.GetAsync("accounts(_msdyn_company_value=" + companyJson["cdm_companyid"]!.GetValue<string>() + ",accountnumber='" + Uri.EscapeDataString(account.Replace("'", "''", StringComparison.Ordinal)) + "')");
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject() : null;
    }

    /// <summary>
    /// What a refused admin request or command must leave as it was: each map's state, and the open errors and
    /// conflicts, read through the admin API.
    /// </summary>
    public async Task<string> AdminStateAsync()
    {
        var maps = await AdminGetAsync("/api/maps");
        var list = maps as JsonArray ?? maps?["maps"] as JsonArray ?? [];
        var errors = await AdminGetAsync("/api/errors?limit=1000");
        var conflicts = await AdminGetAsync("/api/conflicts?limit=1000");
        // Catching up ends by itself (a running map with a backlog): the same state to an operator.
        return string.Join(";", list.Select(m => m?["name"] + "=" + (m?["state"]?.GetValue<string>() == "catchingUp" ? "running" : m?["state"])))
            + " errors=" + Count(errors) + " conflicts=" + Count(conflicts);
    }

    /// <summary>
    /// Puts every map back to running after a case that changed one (a defect the case found): later cases must
    /// not fail because of it.
    /// </summary>
    public async Task RestoreMapsAsync()
    {
        var operations = Listener.Services.GetRequiredService<DualWrite.Listener.MapStates.MapOperations>();
        foreach (var map in await operations.GetMapsAsync(CancellationToken.None))
        {
            switch (map.State)
            {
                case DualWrite.Listener.MapStates.MapRunState.Paused:
                    await operations.ResumeAsync(map.Name, "corpus cleanup", CancellationToken.None);
                    break;
                case DualWrite.Listener.MapStates.MapRunState.NotRunning:
                    await operations.StartAsync(map.Name, "corpus cleanup", CancellationToken.None);
                    break;
            }
        }
    }

    /// <summary>The open entries of the error queue, as the admin API lists them.</summary>
    public async Task<System.Collections.Generic.List<JsonObject>> OpenErrorsAsync()
    {
        var node = await AdminGetAsync("/api/errors?limit=1000");
        var list = node as JsonArray ?? node?["items"] as JsonArray ?? [];
        return list.Select(e => e!.AsObject()).ToList();
    }

    private static int Count(JsonNode? node) => node is JsonArray array ? array.Count : node?["items"] is JsonArray items ? items.Count : -1;

    private async Task<JsonNode?> AdminGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, path + ": " + response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Listener is not null)
        {
            await Listener.StopAsync();
        }

        if (Emulators is not null)
        {
            await Emulators.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file; the OS temp cleaner gets it.
        }
    }
}
