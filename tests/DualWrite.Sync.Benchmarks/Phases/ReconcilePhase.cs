using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Sync.Benchmarks.Clients;
using DualWrite.TestSupport.Processes;
using DualWrite.Sync.Benchmarks.Reporting;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// Phase 5: <c>dualwrite reconcile --json</c> over the loaded customers (rows/s), then seeded differences — k customers
/// changed in F&amp;O, k accounts deleted in Dataverse, k accounts only in Dataverse — found by a second run, fixed by
/// <c>--fix</c>, and a last run to see what is left. Differences are counted from the answer's numeric properties
/// named *missing* or *differ* (its totals, else the sum over its maps), less what the first run found.
/// </summary>
public sealed class ReconcilePhase
{
    public const string Name = "5. reconcile";

    private readonly ListenerProcesses _listener;
    private readonly BenchmarkOptions _options;

    public ReconcilePhase(ListenerProcesses listener, BenchmarkOptions options)
    {
        _listener = listener;
        _options = options;
    }

    public async Task RunAsync(BenchmarkReport report, LoadedPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var baseline = await RunAsync(pair, "reconcileBaseline", report).ConfigureAwait(false);
        var compared = Count(baseline.Json, n => n.Contains("compared", StringComparison.OrdinalIgnoreCase) || n.Contains("read", StringComparison.OrdinalIgnoreCase));
        report.Add(Name, "rows/s", compared > 0 ? compared / baseline.Elapsed.TotalSeconds : null, "rows/s", $"{compared:N0} rows compared (both sides) in {baseline.Elapsed.TotalSeconds:0.0} s, exit {baseline.ExitCode}");
        var before = Differences(baseline.Json);
        report.Add(Name, "differences before seeding", before, "records", "expected 0 after a clean load and a drained burst");

        var k = _options.SeededDifferences;
        var expected = await SeedAsync(pair, k).ConfigureAwait(false);
        var found = await RunAsync(pair, "reconcileSeeded", report).ConfigureAwait(false);
        var seen = Differences(found.Json) - before;
        report.Add(Name, "seeded differences found", seen, "records", $"{expected:N0} seeded: {k - (k / 10)} changed in F&O (organizations of {k}), {k} deleted in Dataverse, {k} only in Dataverse; exit {found.ExitCode}");

        var fix = await _listener.RunAsync("reconcile", Arguments(pair, "--fix"), TimeSpan.FromHours(1)).ConfigureAwait(false);
        report.Detail("reconcileFix", fix.Json);
        var after = await RunAsync(pair, "reconcileAfterFix", report).ConfigureAwait(false);
        report.Add(Name, "differences left after --fix", Differences(after.Json), "records", $"--fix exit {fix.ExitCode}; a record only in Dataverse has no F&O master to push");
    }

    private async Task<CommandRun> RunAsync(LoadedPair pair, string detail, BenchmarkReport report)
    {
        var run = await _listener.RunAsync("reconcile", Arguments(pair), TimeSpan.FromHours(1)).ConfigureAwait(false);
        report.Detail(detail, run.Json);
        Console.WriteLine($"    reconcile: exit {run.ExitCode}, {run.Elapsed.TotalSeconds:0.0} s" + (run.Json is null ? ", no JSON: " + InitialSyncPhase.Shorten(run.Tail) : string.Empty));
        return run;
    }

    private static List<string> Arguments(LoadedPair pair, params string[] more)
    {
        var arguments = new List<string> { "--maps", "Customers V3", "--json" };
        arguments.AddRange(more);
        arguments.AddRange(ListenerProcesses.Settings(pair.FinOps, pair.Dataverse, pair.DataDirectory));
        return arguments;
    }

    /// <summary>Changes k usmf customers in F&amp;O, deletes k demf accounts and adds k accounts F&amp;O does not have; returns how many records now differ.</summary>
    private static async Task<long> SeedAsync(LoadedPair pair, int k)
    {
        using var admin = EmulatorHttp.Admin(pair.FinOps.BaseAddress);
        using (var changed = await admin.PostAsJsonAsync("_emulator/data/bulk-change", new { entitySet = "CustomersV3", count = k, field = "PrimaryContactPhone", value = "+1 000 {i}", company = "usmf" }).ConfigureAwait(false))
        {
            changed.EnsureSuccessStatusCode();
        }

        using var dataverse = await EmulatorHttp.DataverseAsync(pair.Dataverse.BaseAddress).ConfigureAwait(false);
        var german = await dataverse.GetFromJsonAsync<JsonObject>("accounts?$select=accountid&$filter=startswith(accountnumber,'DE-')&$top=" + k).ConfigureAwait(false);
        var deleted = 0;
        foreach (var account in german!["value"]!.AsArray())
        {
            using var response = await dataverse.DeleteAsync(new Uri("accounts(" + account!["accountid"]!.GetValue<string>() + ")", UriKind.Relative)).ConfigureAwait(false);
            deleted += response.IsSuccessStatusCode ? 1 : 0;
        }

        var companies = await dataverse.GetFromJsonAsync<JsonObject>("cdm_companies?$select=cdm_companyid&$filter=cdm_companycode eq 'usrt'").ConfigureAwait(false);
        var usrt = companies!["value"]![0]!["cdm_companyid"]!.GetValue<string>();
        var created = 0;
        for (var i = 0; i < k; i++)
        {
            using var response = await dataverse.PostAsJsonAsync("accounts", new JsonObject
            {
                ["name"] = "Benchmark only in Dataverse " + i,
                ["accountnumber"] = AccountPayloads.ExtraAccountNumber(i),
                ["customertypecode"] = 3,
                ["msdyn_company@odata.bind"] = "/cdm_companies(" + usrt + ")",
            }).ConfigureAwait(false);
            created += response.IsSuccessStatusCode ? 1 : 0;
        }

        // Every tenth customer is a person, outside the customer map: its change is no difference.
        return k - (k / 10) + deleted + created;
    }

    private static long Differences(JsonNode? json) =>
        Count(json, n => n.Contains("missing", StringComparison.OrdinalIgnoreCase) || n.Contains("differ", StringComparison.OrdinalIgnoreCase));

    private static long Count(JsonNode? json, Func<string, bool> named)
    {
        if (json is not JsonObject root)
        {
            return 0;
        }

        var total = Sum(root, named);
        if (total > 0)
        {
            return total;
        }

        var maps = root.FirstOrDefault(p => string.Equals(p.Key, "maps", StringComparison.OrdinalIgnoreCase)).Value as JsonArray;
        return maps?.OfType<JsonObject>().Sum(m => Sum(m, named)) ?? 0;
    }

    private static long Sum(JsonObject node, Func<string, bool> named) =>
        node.Where(p => named(p.Key) && p.Value is JsonValue).Sum(p => InitialSyncRunner.Number(node, p.Key) ?? 0);
}
