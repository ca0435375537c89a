using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Reports;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Embedded;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Syncing;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>
/// The whole product over loopback HTTP: both emulators (the plug-in registered in Dataverse), the listener host
/// registered for F&amp;O's business events, after an initial sync. Short retry and recheck times keep tests fast.
/// </summary>
internal sealed class SyncRig : IAsyncDisposable
{
    private static readonly string[] FastTimings =
    [
        "--DualWrite:Processing:InitialRetryDelay=00:00:00.100",

        // A killed instance's leases expire soon, so its replacement (another owner) picks the records up.
        "--DualWrite:Processing:LeaseDuration=00:00:04",
        "--DualWrite:Processing:ApplyTimeout=00:00:03",
        "--DualWrite:Processing:MaxRetryDelay=00:00:01",
        "--DualWrite:Processing:IdleRecheckInterval=00:00:00.500",
        "--DualWrite:Processing:ParkedRecheckInterval=00:00:03",
        "--DualWrite:Resilience:RetryBaseDelay=00:00:00.050",
        "--DualWrite:Resilience:RetryMaxDelay=00:00:00.500",
        "--DualWrite:Resilience:MaxRetryAfter=00:00:01",
        "--DualWrite:Resilience:MaxRetryAttempts=2",
        "--DualWrite:Applying:MissingReferenceRecheck=00:00:03",
        "--Logging:LogLevel:Default=Warning",
    ];

    private readonly string _dataDirectory;
    private readonly string[] _extraArgs;
    private int _listenerNumber;
    private bool _dataverseDown;

    private SyncRig(EmbeddedEmulators emulators, string dataDirectory, string[] extraArgs)
    {
        Emulators = emulators;
        _dataDirectory = dataDirectory;
        _extraArgs = extraArgs;
    }

    public EmbeddedEmulators Emulators { get; }

    /// <summary>What the initial sync at start did (it had no failures, or the start would have failed).</summary>
    public InitialSyncSummary InitialSyncReport { get; private set; } = null!;

    /// <summary>The first listener (or the one restarted in its place).</summary>
    public RunningListener Listener { get; private set; } = null!;

    public List<RunningListener> Listeners { get; } = [];

    /// <summary>Requests the listeners sent to Dataverse (to count writes).</summary>
    public CountingHandler ListenerToDataverse { get; } = new();

    /// <summary>While true, the listeners' Dataverse requests fail as refused connections (an outage).</summary>
    public bool DataverseDown
    {
        get => Volatile.Read(ref _dataverseDown);
        set => Volatile.Write(ref _dataverseDown, value);
    }

    public FinOpsClient FinOps => Listener.Services.GetRequiredService<FinOpsClient>();

    public DataverseClient Dataverse => Listener.Services.GetRequiredService<DataverseClient>();

    public IEventInbox Inbox => Listener.Services.GetRequiredService<IEventInbox>();

    public static Task<SyncRig> StartAsync(int customers = 12, params string[] extraArgs) => StartAsync(null, customers, extraArgs);

    /// <summary>As <see cref="StartAsync(int, string[])"/>, with the Dataverse emulator's options changed first (a customer's own plug-in steps).</summary>
    public static async Task<SyncRig> StartAsync(Action<DataverseEmulatorOptions>? configureDataverse, int customers = 12, params string[] extraArgs)
    {
        var emulators = await EmbeddedEmulators.StartAsync(new EmbeddedOptions { FinOpsPort = 0, DataversePort = 0, ListenerUrls = "http://127.0.0.1:0", Customers = customers }, CancellationToken.None, configureDataverse);
        var rig = new SyncRig(emulators, Directory.CreateTempSubdirectory("dualwrite-sync-").FullName, extraArgs);
        rig.Listener = await rig.StartListenerAsync();
        var report = await rig.Listener.Services.GetRequiredService<InitialSyncEngine>().RunAsync(InitialSyncRequest.All, null, CancellationToken.None);
        rig.InitialSyncReport = report;
        var errors = await rig.Listener.Services.GetRequiredService<IErrorQueue>().GetRecordErrorsAsync(report.RunId, 20, CancellationToken.None);
        Assert.True(report.Failed == 0 && report.AllCompleted, string.Join(Environment.NewLine, InitialSyncSummaryText.Lines(report).Concat(errors.Select(e => e.Map + " " + e.RecordKey + ": " + e.Reason))));
        return rig;
    }

    /// <summary>Starts one more listener on the same inbox (same data directory or PostgreSQL) and registers it with F&amp;O.</summary>
    public async Task<RunningListener> StartListenerAsync(params string[] moreArgs) => await StartListenerAsync("http://127.0.0.1:0", register: true, moreArgs);

    private async Task<RunningListener> StartListenerAsync(string urls, bool register, string[] moreArgs)
    {
        var number = Interlocked.Increment(ref _listenerNumber);
        var args = Emulators.ListenerArguments(urls, _dataDirectory).Concat(FastTimings).Concat(_extraArgs).Concat(moreArgs)
            .Append("--DualWrite:Processing:InstanceName=listener-" + number).ToList();
        // In front of the network, behind the listener's resilience and token handlers.
        var listener = await RunningListener.StartAsync(
            args,
            builder => builder.Services.AddHttpClient(ServiceTarget.Dataverse)
                .AddHttpMessageHandler(() => new CountingHandler(ListenerToDataverse.Requests))
                .AddHttpMessageHandler(() => new OutageHandler(() => DataverseDown)),
            CancellationToken.None);
        if (register)
        {
            Emulators.RegisterListener(listener.EventsUrl, "listener-" + number);
        }

        Listeners.Add(listener);
        return listener;
    }

    /// <summary>
    /// Stops the listener without draining: the host's stop token is already cancelled, so running applies are
    /// cancelled and nothing waits. F&amp;O keeps its endpoint registered (and retries, then logs, deliveries).
    /// </summary>
    public async Task KillListenerAsync(RunningListener listener)
    {
        await listener.App.StopAsync(new CancellationToken(canceled: true));
        await listener.App.DisposeAsync();
        Listeners.Remove(listener);
    }

    /// <summary>Kills the listener and starts a new one on the same inbox and URL (F&amp;O's registration stays valid).</summary>
    public async Task RestartListenerAsync(TimeSpan downtime)
    {
        var url = Listener.EventsUrl.GetLeftPart(UriPartial.Authority);
        await KillListenerAsync(Listener);
        await Task.Delay(downtime);
        Listener = await StartListenerAsync(url, register: false, []);
    }

    public async Task UpdateCustomerInFinOpsAsync(string account, JsonObject changes, string company = "usmf")
    {
        var result = await FinOps.UpdateAsync("CustomersV3(dataAreaId='" + company + "',CustomerAccount='" + account + "')", changes, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
    }

    public async Task<JsonObject?> FinOpsCustomerAsync(string account, string company = "usmf") =>
        (await FinOps.GetAsync("CustomersV3(dataAreaId='" + company + "',CustomerAccount='" + account + "')", null, CancellationToken.None)).GetValueOrThrow();

    /// <summary>The account of an F&amp;O customer (read without going through the listener's counted client).</summary>
    public async Task<JsonObject?> AccountAsync(string account, string company = "USMF")
    {
        using var http = await Emulators.Dataverse.CreateAuthenticatedClientAsync();
        var companyJson = JsonNode.Parse(await http.GetStringAsync("cdm_companies(cdm_companycode='" + company + "')?$select=cdm_companyid"))!;
        using var response = await http.GetAsync("accounts(_msdyn_company_value=" + companyJson["cdm_companyid"]!.GetValue<string>() + ",accountnumber='" + account + "')");
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject() : null;
    }

    /// <summary>A user's save in Dataverse: goes through the pipeline, so our plug-in writes it through to F&amp;O.</summary>
    public async Task<HttpResponseMessage> SaveInDataverseAsync(string entityPath, JsonObject changes)
    {
        using var http = await Emulators.Dataverse.CreateAuthenticatedClientAsync();
        using var content = new StringContent(changes.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Patch, entityPath) { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await http.SendAsync(request);
    }

    /// <summary>Organization customers of usmf that the initial sync brought over (the filter leaves persons out).</summary>
    public async Task<IReadOnlyList<string>> SyncedUsmfAccountsAsync()
    {
        var rows = await FinOps.QueryAllAsync("CustomersV3", new DualWrite.Listener.Clients.OData.ODataQuery { Filter = "dataAreaId eq 'usmf' and PartyType eq 'Organization'", Select = ["CustomerAccount"] });
        return rows.GetValueOrThrow().Select(r => r["CustomerAccount"]!.GetValue<string>()).OrderBy(a => a, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every event F&amp;O published so far has been delivered, and the inbox has nothing left to do.</summary>
    public async Task WaitForQuietAsync(TimeSpan? timeout = null)
    {
        var limit = TimeProvider.System.GetUtcNow().UtcDateTime + (timeout ?? TimeSpan.FromSeconds(30));
        while (TimeProvider.System.GetUtcNow().UtcDateTime < limit)
        {
            await Emulators.FinOps.Control.Events.WaitForIdleAsync(TimeSpan.FromSeconds(5));
            var counts = await Inbox.GetStateCountsAsync(CancellationToken.None);
            var busy = counts.Where(c => c.Key is not (InboxEventState.Applied or InboxEventState.Skipped or InboxEventState.Failed)).Sum(c => c.Value);
            if (busy == 0 && Emulators.FinOps.Control.Events.PendingDeliveries == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        var final = await Inbox.GetStateCountsAsync(CancellationToken.None);
        Assert.Fail("The listener did not settle: " + string.Join(", ", final.Select(c => c.Key + " " + c.Value)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in Listeners.ToList())
        {
            await listener.StopAsync();
        }

        await Emulators.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file; the OS temp cleaner gets it.
        }
    }
}
