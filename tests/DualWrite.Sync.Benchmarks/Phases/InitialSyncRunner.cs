using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.TestSupport.Processes;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// Starts a fresh pair of emulators (F&amp;O with N customers across its 3 companies and their groups; Dataverse with
/// its reference data and no accounts) and runs <c>dualwrite initial-sync --json</c> F&amp;O → Dataverse for the customer
/// maps, at the benchmark's batch size and concurrency ceiling.
/// </summary>
public sealed class InitialSyncRunner
{
    /// <summary>The customers and what they need: companies, then groups, then customers (Core orders the waves).</summary>
    public static readonly string[] Maps = ["Legal entities", "Customer groups", "Customers V3"];

    private readonly BuildOutputs _outputs;
    private readonly ListenerProcesses _listener;
    private readonly BenchmarkOptions _options;

    public InitialSyncRunner(BuildOutputs outputs, ListenerProcesses listener, BenchmarkOptions options)
    {
        _outputs = outputs;
        _listener = listener;
        _options = options;
    }

    public async Task<LoadedPair> StartPairAsync(int customers, IReadOnlyList<string>? finOpsArguments = null, IReadOnlyList<string>? dataverseArguments = null, int dataverseAccounts = 0)
    {
        var finOps = await EmulatorProcess.StartFinOpsAsync(_outputs, customers, finOpsArguments).ConfigureAwait(false);
        try
        {
            var dataverse = await EmulatorProcess.StartDataverseAsync(_outputs, dataverseAccounts, dataverseArguments).ConfigureAwait(false);
            return new LoadedPair(finOps, dataverse);
        }
        catch
        {
            await finOps.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The command line: the maps, F&amp;O → Dataverse, a fresh run, JSON, the batch size and concurrency ceiling.</summary>
    public List<string> Arguments(LoadedPair pair, int? concurrency = null)
    {
        var arguments = new List<string> { "--maps", string.Join(',', Maps), "--direction", "fno-to-dataverse", "--restart", "--json" };
        arguments.AddRange(["--batch-size", _options.BatchSize.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange(["--max-concurrency", (concurrency ?? _options.Concurrency).ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange(ListenerProcesses.Settings(pair.FinOps, pair.Dataverse, pair.DataDirectory));
        return arguments;
    }

    /// <summary>Runs the initial sync into the pair (which stays up, loaded, for later phases).</summary>
    public async Task<LoadResult> LoadAsync(LoadedPair pair)
    {
        var run = await _listener.RunAsync("initial-sync", Arguments(pair), TimeSpan.FromHours(2)).ConfigureAwait(false);
        var json = run.Json;
        var written = Total(json, "written");
        var failed = Total(json, "failed");
        double? commandRate = json?["rowsPerSecond"] is JsonValue rate && rate.TryGetValue<double>(out var r) ? r : null;
        return new LoadResult(run.ExitCode, written, failed, run.Elapsed, run.PeakMegabytes, commandRate, json, run.Tail, run.ProcessorTime);
    }

    /// <summary>A count from the answer: the top-level property, else the sum over its maps (names compared case-insensitively).</summary>
    public static long Total(JsonNode? json, string name)
    {
        if (json is not JsonObject root)
        {
            return 0;
        }

        if (Number(root, name) is { } total)
        {
            return total;
        }

        var maps = root.FirstOrDefault(p => string.Equals(p.Key, "maps", StringComparison.OrdinalIgnoreCase)).Value as JsonArray;
        return maps?.OfType<JsonObject>().Sum(m => Number(m, name) ?? 0) ?? 0;
    }

    public static long? Number(JsonObject node, string name)
    {
        var value = node.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value as JsonValue;
        return value is not null && value.TryGetValue<long>(out var number) ? number
            : value is not null && value.TryGetValue<double>(out var real) ? (long)real
            : null;
    }
}
