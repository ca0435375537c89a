using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Embedded;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.EndToEnd.Tests.ConcurrentEdits;

/// <summary>
/// The burst of issue 14: the same customers edited at the same moment on both sides — Dataverse saves through the
/// Web API (our synchronous plug-in writes each through to F&amp;O) and F&amp;O edits through OData (business events
/// to the listener, which upserts into Dataverse) — different fields on each side, so both must end with both edits.
/// The listener runs with its production timings (30 s apply timeout), so a timeout here is a real stall.
/// </summary>
internal sealed class ConcurrentEditsRig : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private ConcurrentEditsRig(EmbeddedEmulators emulators, RunningListener listener, ApplyTimeoutCounter counter, string dataDirectory, HttpClient dataverse, HttpClient finOps)
    {
        Emulators = emulators;
        Listener = listener;
        Counter = counter;
        _dataDirectory = dataDirectory;
        DataverseHttp = dataverse;
        FinOpsHttp = finOps;
    }

    public EmbeddedEmulators Emulators { get; }

    public RunningListener Listener { get; }

    public ApplyTimeoutCounter Counter { get; }

    /// <summary>A Dataverse user's client (not the listener's).</summary>
    public HttpClient DataverseHttp { get; }

    /// <summary>An F&amp;O user's client (not the listener's, not the plug-in's).</summary>
    public HttpClient FinOpsHttp { get; }

    public static async Task<ConcurrentEditsRig> StartAsync(int customers)
    {
        var emulators = await EmbeddedEmulators.StartAsync(new EmbeddedOptions { FinOpsPort = 0, DataversePort = 0, ListenerUrls = "http://127.0.0.1:0", Customers = customers }, CancellationToken.None);
        var dataDirectory = Directory.CreateTempSubdirectory("dualwrite-bursts-").FullName;
        var counter = new ApplyTimeoutCounter();
        var args = emulators.ListenerArguments("http://127.0.0.1:0", dataDirectory).Concat(
        [
            "--Logging:LogLevel:Default=Warning",
            "--DualWrite:Processing:InstanceName=bursts",
        ]).ToList();
        var listener = await RunningListener.StartAsync(args, builder =>
        {
            // Only the counter hears the worker's Debug retries; the console stays at Warning.
            builder.Logging.AddProvider(counter);
            builder.Logging.AddFilter<ApplyTimeoutCounter>(ApplyTimeoutCounter.WorkerCategory, LogLevel.Debug);
        }, CancellationToken.None);
        emulators.RegisterListener(listener.EventsUrl, "bursts");
        var report = await listener.Services.GetRequiredService<InitialSyncEngine>().RunAsync(InitialSyncRequest.All, null, CancellationToken.None);
        Assert.True(report.Failed == 0 && report.AllCompleted, "the initial sync failed");
        var dataverse = await emulators.Dataverse.CreateAuthenticatedClientAsync();
        var finOps = await emulators.FinOps.CreateAuthenticatedClientAsync();
        return new ConcurrentEditsRig(emulators, listener, counter, dataDirectory, dataverse, finOps);
    }

    /// <summary>usmf organization customers and their Dataverse account ids, the first <paramref name="count"/> by number.</summary>
    public async Task<IReadOnlyList<(string Account, string Id)>> AccountsAsync(int count)
    {
        var rows = await ReadDataverseAsync();
        return rows.OrderBy(r => r.Key, StringComparer.Ordinal).Take(count).Select(r => (r.Key, r.Value.Id)).ToList();
    }

    /// <summary>Runs one burst and waits until both sides hold every accepted edit (or <paramref name="limit"/> passes).</summary>
    public async Task BurstAsync(int burst, IReadOnlyList<(string Account, string Id)> accounts, ConcurrentEditsFigures figures, TimeSpan limit)
    {
        var before = (await ReadDataverseAsync()).ToDictionary(r => r.Key, r => r.Value.Phone, StringComparer.Ordinal);
        var expectedPhone = new Dictionary<string, string?>(StringComparer.Ordinal);
        var expectedName = new Dictionary<string, string>(StringComparer.Ordinal);
        var slowest = TimeSpan.Zero;
        var gate = new object();
        var clock = Stopwatch.StartNew();
        using var start = new ManualResetEventSlim();
        var edits = new List<Task>();
        foreach (var (account, id) in accounts)
        {
            var phone = string.Create(CultureInfo.InvariantCulture, $"+1 555 {burst:00}{accounts.Count:000}-{account}");
            var name = string.Create(CultureInfo.InvariantCulture, $"Burst {burst} {account}");
            expectedName[account] = name;
            edits.Add(Task.Run(async () =>
            {
                var saveClock = Stopwatch.StartNew();
                var (ok, reason) = await SaveInDataverseAsync(id, new JsonObject { ["telephone1"] = phone });
                lock (gate)
                {
                    slowest = saveClock.Elapsed > slowest ? saveClock.Elapsed : slowest;
                    expectedPhone[account] = ok ? phone : before[account];
                    if (!ok)
                    {
                        figures.RefusedSaves.Add(account + ": " + reason);
                    }
                }
            }));
            edits.Add(Task.Run(async () =>
            {
                var (ok, reason) = await EditInFinOpsAsync(account, new JsonObject { ["OrganizationName"] = name });
                if (!ok)
                {
                    lock (gate)
                    {
                        figures.RefusedFinOpsEdits.Add(account + ": " + reason);
                        expectedName.Remove(account);
                    }
                }
            }));
        }

        await Task.WhenAll(edits);
        figures.SlowestSave.Add(slowest);
        while (!await ConvergedAsync(expectedName, expectedPhone))
        {
            if (clock.Elapsed > limit)
            {
                figures.AllConverged = false;
                break;
            }

            await Task.Delay(100);
        }

        figures.Convergence.Add(clock.Elapsed);
    }

    private async Task<bool> ConvergedAsync(Dictionary<string, string> names, Dictionary<string, string?> phones)
    {
        var dataverse = await ReadDataverseAsync();
        var finOps = await ReadFinOpsAsync();
        foreach (var (account, phone) in phones)
        {
            var dv = dataverse[account];
            var fo = finOps[account];
            if (dv.Phone != phone || fo.Phone != phone)
            {
                return false;
            }

            if (names.TryGetValue(account, out var name) && (dv.Name != name || fo.Name != name))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<(bool Ok, string Reason)> SaveInDataverseAsync(string id, JsonObject changes)
    {
        using var content = new StringContent(changes.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Patch, "accounts(" + id + ")") { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await DataverseHttp.SendAsync(request);
        return response.IsSuccessStatusCode ? (true, string.Empty) : (false, (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync());
    }

    private async Task<(bool Ok, string Reason)> EditInFinOpsAsync(string account, JsonObject changes)
    {
        using var content = new StringContent(changes.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Patch, "CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')") { Content = content };
        using var response = await FinOpsHttp.SendAsync(request);
        return response.IsSuccessStatusCode ? (true, string.Empty) : (false, (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync());
    }

    /// <summary>usmf accounts in Dataverse by account number: id, name, phone.</summary>
    private async Task<Dictionary<string, (string Id, string? Name, string? Phone)>> ReadDataverseAsync()
    {
        var company = JsonNode.Parse(await DataverseHttp.GetStringAsync("cdm_companies(cdm_companycode='USMF')?$select=cdm_companyid"))!["cdm_companyid"]!.GetValue<string>();
        var page = JsonNode.Parse(await DataverseHttp.GetStringAsync("accounts?$select=accountid,accountnumber,name,telephone1&$filter=_msdyn_company_value eq " + company))!;
        return page["value"]!.AsArray().ToDictionary(
            r => r!["accountnumber"]!.GetValue<string>(),
            r => (r!["accountid"]!.GetValue<string>(), r["name"]?.GetValue<string>(), r["telephone1"]?.GetValue<string>()),
            StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, (string? Name, string? Phone)>> ReadFinOpsAsync()
    {
        var page = JsonNode.Parse(await FinOpsHttp.GetStringAsync("CustomersV3?cross-company=true&$filter=dataAreaId eq 'usmf'&$select=CustomerAccount,OrganizationName,PrimaryContactPhone"))!;
        return page["value"]!.AsArray().ToDictionary(
            r => r!["CustomerAccount"]!.GetValue<string>(),
            r => (r!["OrganizationName"]?.GetValue<string>(), r["PrimaryContactPhone"]?.GetValue<string>()),
            StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        DataverseHttp.Dispose();
        FinOpsHttp.Dispose();
        await Listener.StopAsync();
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
