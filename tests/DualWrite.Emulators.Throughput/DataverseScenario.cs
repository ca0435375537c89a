using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.TestSupport;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Throughput;

/// <summary>
/// The Dataverse emulator with the standard solution's steps registered as the run command registers them, a store
/// of N accounts, and writes tagged <c>DualWrite</c> (the listener's tag, which the write-through plug-in skips).
/// </summary>
public static class DataverseScenario
{
    private const string Tag = "?tag=DualWrite";

    public static async Task RunAsync(ThroughputOptions options)
    {
        var emulatorOptions = new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.Large(options.Rows),
            SolutionFolder = options.NoSteps ? null : RepositoryPaths.Solution,
        };
        if (!options.NoSteps)
        {
            emulatorOptions.Steps.PluginAssemblies.Add(RepositoryPaths.PluginAssembly);
        }

        emulatorOptions.Steps.SecureConfigurations["*"] = new JsonObject
        {
            ["tenantId"] = "emulator",
            ["clientId"] = "dualwrite-plugin",
            ["clientSecret"] = "plugin-secret",
            ["authority"] = "http://127.0.0.1:9/",
        }.ToJsonString();
        emulatorOptions.Steps.UnsecureSettings["finOpsBaseUrl"] = "http://127.0.0.1:9/";
        emulatorOptions.Steps.UnsecureSettings["allowEmulatorUrls"] = true;

        await using var emulator = await DataverseEmulator.StartAsync(emulatorOptions).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dataverse: {emulator.SeedReport.Records:N0} seed records in {emulator.SeedReport.Elapsed.TotalSeconds:0.0} s"));
        using var http = await emulator.CreateAuthenticatedClientAsync().ConfigureAwait(false);
        http.Timeout = TimeSpan.FromMinutes(10);
        var references = await AccountReferences.ReadAsync(http).ConfigureAwait(false);
        var batchRows = options.Batches * options.BatchSize;
        // Bodies are built before timing: the figures are the emulator's, not the harness's JSON.
        List<AccountRow>[] Prepare(Func<int, List<AccountRow>> rows) => Enumerable.Range(0, options.Repeat).Select(rows).ToArray();
        var creates = Prepare(run => Rows(references, $"C{run}", batchRows, byKey: false));
        var serial = Prepare(run => Rows(references, $"S{run}", batchRows, byKey: false));
        var upsertsNew = Prepare(run => Rows(references, $"U{run}", batchRows, byKey: true));
        var upsertsExisting = Prepare(run => Rows(references, "U0", batchRows, byKey: true, change: run + 1));
        var posts = Prepare(run => Rows(references, $"P{run}", options.Singles, byKey: false));
        var patches = Prepare(run => Rows(references, "P0", options.Singles, byKey: true, change: run + 1));

        await Timing.MedianRateAsync($"engine CreateMultiple x{options.Batches} (no HTTP)", options.Repeat, run =>
            Task.FromResult(EngineCreateMultiple(emulator, references, $"E{run}", options))).ConfigureAwait(false);
        await Timing.MedianRateAsync($"CreateMultiple x{options.Batches}, {options.Concurrency} concurrent", options.Repeat, run =>
            PushAsync(http, "CreateMultiple", creates[run], options)).ConfigureAwait(false);
        await Timing.MedianRateAsync($"CreateMultiple x{options.Batches}, 1 at a time", options.Repeat, run =>
            PushAsync(http, "CreateMultiple", serial[run], options with { Concurrency = 1 })).ConfigureAwait(false);
        await Timing.MedianRateAsync($"UpsertMultiple (new rows) x{options.Batches}, {options.Concurrency} concurrent", options.Repeat, run =>
            PushAsync(http, "UpsertMultiple", upsertsNew[run], options)).ConfigureAwait(false);
        await Timing.MedianRateAsync($"UpsertMultiple (existing rows) x{options.Batches}, {options.Concurrency} concurrent", options.Repeat, run =>
            PushAsync(http, "UpsertMultiple", upsertsExisting[run], options)).ConfigureAwait(false);
        await Timing.MedianRateAsync($"POST one at a time x{options.Singles}", options.Repeat, run =>
            SinglesAsync(http, posts[run], patch: false)).ConfigureAwait(false);
        await Timing.MedianRateAsync($"PATCH by key (existing) one at a time x{options.Singles}", options.Repeat, run =>
            SinglesAsync(http, patches[run], patch: true)).ConfigureAwait(false);
    }

    private static long EngineCreateMultiple(DataverseEmulator emulator, AccountReferences references, string prefix, ThroughputOptions options)
    {
        var service = emulator.Engine.Service;
        for (var b = 0; b < options.Batches; b++)
        {
            var targets = new EntityCollection { EntityName = "account" };
            for (var i = 0; i < options.BatchSize; i++)
            {
                targets.Entities.Add(references.AccountEntity(prefix + "-" + ((b * options.BatchSize) + i).ToString("D6", CultureInfo.InvariantCulture), i));
            }

            service.Execute(new OrganizationRequest("CreateMultiple") { ["Targets"] = targets, ["tag"] = "DualWrite" });
        }

        return (long)options.Batches * options.BatchSize;
    }

    private static List<AccountRow> Rows(AccountReferences references, string prefix, int count, bool byKey, int change = 0)
    {
        var rows = new List<AccountRow>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(references.Account(prefix + "-" + i.ToString("D6", CultureInfo.InvariantCulture), i, byKey, change));
        }

        return rows;
    }

    private static async Task<long> PushAsync(HttpClient http, string action, List<AccountRow> rows, ThroughputOptions options)
    {
        var next = -1;
        var batches = (rows.Count + options.BatchSize - 1) / options.BatchSize;
        var bodies = Enumerable.Range(0, batches)
            .Select(b => "{\"Targets\":[" + string.Join(',', rows.Skip(b * options.BatchSize).Take(options.BatchSize).Select(r => r.BulkTarget)) + "]}")
            .ToList();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches)
            {
                using var content = new StringContent(bodies[batch], Encoding.UTF8, "application/json");
                using var response = await http.PostAsync($"accounts/Microsoft.Dynamics.CRM.{action}{Tag}", content).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
                }
            }
        }).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return rows.Count;
    }

    private static async Task<long> SinglesAsync(HttpClient http, List<AccountRow> rows, bool patch)
    {
        foreach (var row in rows)
        {
            using var content = new StringContent(row.Body, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(patch ? HttpMethod.Patch : HttpMethod.Post, (patch ? row.KeyPath : "accounts") + Tag) { Content = content };
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.Method}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }
        }

        return rows.Count;
    }
}
