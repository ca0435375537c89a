using System;
using System.Threading.Tasks;
using DualWrite.Sync.Benchmarks.Clients;
using DualWrite.TestSupport.Processes;
using DualWrite.Sync.Benchmarks.Reporting;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// Phase 2: the ceiling. The benchmark's own minimal client pushes the same rows (read from a fresh F&amp;O emulator
/// before timing) into a fresh Dataverse emulator with CreateMultiple at the sync's batch size and concurrency.
/// </summary>
public sealed class CeilingPhase
{
    public const string Name = "2. ceiling";

    private readonly InitialSyncRunner _runner;
    private readonly BenchmarkOptions _options;

    public CeilingPhase(InitialSyncRunner runner, BenchmarkOptions options)
    {
        _runner = runner;
        _options = options;
    }

    public async Task<double?> RunAsync(BenchmarkReport report, double? ours)
    {
        await using var pair = await _runner.StartPairAsync(_options.Customers).ConfigureAwait(false);
        using var finOps = await EmulatorHttp.FinOpsAsync(pair.FinOps.BaseAddress).ConfigureAwait(false);
        using var dataverse = await EmulatorHttp.DataverseAsync(pair.Dataverse.BaseAddress).ConfigureAwait(false);
        var targets = await AccountPayloads.ReadAsync(finOps, dataverse).ConfigureAwait(false);
        var pushed = await CreateMultiplePusher.PushAsync(dataverse, targets, _options.BatchSize, _options.Concurrency).ConfigureAwait(false);
        Console.WriteLine($"    CreateMultiple: {pushed.Records:N0} rows in {pushed.Elapsed.TotalSeconds:0.0} s, {pushed.Failed:N0} failed {pushed.FirstError}");
        report.Add(Name, $"CreateMultiple, batch {_options.BatchSize}, {_options.Concurrency} concurrent", pushed.RowsPerSecond, "rows/s", $"{pushed.Records:N0} accounts" + (pushed.Failed > 0 ? $", {pushed.Failed:N0} failed: " + InitialSyncPhase.Shorten(pushed.FirstError ?? string.Empty) : string.Empty));
        if (ours is { } rate)
        {
            report.Add(Name, "initial sync / ceiling", 100 * rate / pushed.RowsPerSecond, "%", "target ≥ 70");
        }

        return pushed.RowsPerSecond;
    }
}
