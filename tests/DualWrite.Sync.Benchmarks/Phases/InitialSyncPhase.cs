using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Sync.Benchmarks.Reporting;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// Phase 1: initial sync of N customers (repeated; median) and of 5N (once), each into fresh emulators; rows/s end to
/// end and the sync process's peak resident memory, and the 5N/N memory ratio.
/// </summary>
public sealed class InitialSyncPhase
{
    public const string Name = "1. initial sync";

    private readonly InitialSyncRunner _runner;
    private readonly BenchmarkOptions _options;

    public InitialSyncPhase(InitialSyncRunner runner, BenchmarkOptions options)
    {
        _runner = runner;
        _options = options;
    }

    /// <summary>The median N run's rows/s (null when the command failed), and the last N pair, loaded, for later phases.</summary>
    public async Task<(double? RowsPerSecond, LoadedPair? Loaded)> RunAsync(BenchmarkReport report)
    {
        var runs = new List<LoadResult>();
        LoadedPair? kept = null;
        for (var i = 0; i < _options.Repeat; i++)
        {
            var pair = await _runner.StartPairAsync(_options.Customers).ConfigureAwait(false);
            var result = await _runner.LoadAsync(pair).ConfigureAwait(false);
            Console.WriteLine($"    run {i + 1}: exit {result.ExitCode}, {result.Written:N0} written, {result.Failed:N0} failed, {result.Elapsed.TotalSeconds:0.0} s, {result.RowsPerSecond:N0} rows/s, peak {result.PeakMegabytes:N0} MB, {result.ProcessorTime.TotalSeconds:0.0} s processor");
            report.Detail("initialSyncN" + (i + 1), result.Json);
            if (result.ExitCode != 0 || result.Written == 0)
            {
                report.Add(Name, "N run failed", result.ExitCode, "exit code", Shorten(result.Tail));
                await pair.DisposeAsync().ConfigureAwait(false);
                return (null, null);
            }

            runs.Add(result);
            if (kept is not null)
            {
                await kept.DisposeAsync().ConfigureAwait(false);
            }

            kept = pair;
        }

        var n = _options.Customers;
        var median = Statistics.Median(runs.Select(r => r.RowsPerSecond));
        var peakN = Statistics.Median(runs.Select(r => r.PeakMegabytes));
        report.Add(Name, $"N = {n:N0} customers: rows written", runs[0].Written, "rows", "organizations (the map's filter) + companies + groups");
        report.Add(Name, "N: rows/s end to end", median, "rows/s", $"median of {runs.Count}; process start to exit; target ≥ 20,000");
        if (runs.All(r => r.CommandRowsPerSecond is not null))
        {
            report.Add(Name, "N: rows/s as the command reports it", Statistics.Median(runs.Select(r => r.CommandRowsPerSecond!.Value)), "rows/s", "read rows over the command's own elapsed time");
        }

        report.Add(Name, "N: failed rows", runs[0].Failed, "rows");
        report.Add(Name, "N: peak working set", peakN, "MB", "VmHWM of the sync process");
        report.Add(Name, "N: sync process CPU per 1,000 rows", Statistics.Median(runs.Select(r => r.ProcessorMillisecondsPerThousandRows)), "ms", "user + system time of the sync process (start to exit), whatever the emulators cost");
        if (!_options.SkipFiveN)
        {
            await using var pair = await _runner.StartPairAsync(5 * n).ConfigureAwait(false);
            var five = await _runner.LoadAsync(pair).ConfigureAwait(false);
            Console.WriteLine($"    5N run: exit {five.ExitCode}, {five.Written:N0} written, {five.Elapsed.TotalSeconds:0.0} s, {five.RowsPerSecond:N0} rows/s, peak {five.PeakMegabytes:N0} MB, {five.ProcessorTime.TotalSeconds:0.0} s processor");
            report.Detail("initialSync5N", five.Json);
            report.Add(Name, $"5N = {5 * n:N0}: rows/s end to end", five.ExitCode == 0 ? five.RowsPerSecond : null, "rows/s", five.ExitCode == 0 ? string.Empty : "exit " + five.ExitCode);
            report.Add(Name, "5N: peak working set", five.PeakMegabytes, "MB");
            report.Add(Name, "5N: sync process CPU per 1,000 rows", five.ProcessorMillisecondsPerThousandRows, "ms");
            report.Add(Name, "5N / N peak memory", five.PeakMegabytes / peakN, "x", "target ≤ 1.5");
        }

        return (median, kept);
    }

    public static string Shorten(string tail)
    {
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = string.Join(" / ", lines.TakeLast(3)).Trim();
        return last.Length > 300 ? last[..300] + "…" : last;
    }
}
