using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using DualWrite.Sync.Benchmarks.Clients;
using DualWrite.TestSupport.Processes;
using DualWrite.Sync.Benchmarks.Reporting;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// Phase 3: the real service protection limits and a latency profile (default 30 ms per request + 1 ms per record
/// written, on both emulators). Our initial sync (its concurrency ceiling set to the limit's 52); a record-by-record
/// client on a sample; their ratio; and our rows/s against the ceiling the limits allow (<see cref="ServiceProtectionCeiling"/>),
/// bounded by the machine's own CreateMultiple ceiling from phase 2.
/// </summary>
public sealed class LimitsPhase
{
    public const string Name = "3. limits + latency";

    private readonly InitialSyncRunner _runner;
    private readonly BenchmarkOptions _options;
    private readonly bool _initialSyncAvailable;

    public LimitsPhase(InitialSyncRunner runner, BenchmarkOptions options, bool initialSyncAvailable)
    {
        _runner = runner;
        _options = options;
        _initialSyncAvailable = initialSyncAvailable;
    }

    public async Task RunAsync(BenchmarkReport report, double? machineCeiling)
    {
        var latency = new List<string>
        {
            "--latency-per-request", _options.LatencyPerRequestMilliseconds.ToString(CultureInfo.InvariantCulture),
            "--latency-per-record", _options.LatencyPerRecordMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        var limits = new List<string>(latency) { "--service-protection" };
        var ceiling = ServiceProtectionCeiling.Defaults;
        var profile = $"{_options.LatencyPerRequestMilliseconds} ms/request + {_options.LatencyPerRecordMilliseconds} ms/record";
        double? ours = null;
        long written = 0;
        await using var pair = await _runner.StartPairAsync(_options.Customers, latency, limits).ConfigureAwait(false);
        if (_initialSyncAvailable)
        {
            var arguments = _runner.Arguments(pair, ceiling.MaxConcurrent);
            var run = await new ListenerProcesses(BuildOutputs.Find(_options.Configuration)).RunAsync("initial-sync", arguments, TimeSpan.FromHours(2)).ConfigureAwait(false);
            written = InitialSyncRunner.Total(run.Json, "written");
            report.Detail("initialSyncUnderLimits", run.Json);
            Console.WriteLine($"    initial sync under limits: exit {run.ExitCode}, {written:N0} written in {run.Elapsed.TotalSeconds:0.0} s");
            if (run.ExitCode == 0 && written > 0)
            {
                ours = written / run.Elapsed.TotalSeconds;
                report.Add(Name, "initial sync rows/s", ours, "rows/s", $"{written:N0} rows, {profile}, 52 concurrent at most");
            }
            else
            {
                report.Add(Name, "initial sync failed", run.ExitCode, "exit code", InitialSyncPhase.Shorten(run.Tail));
            }
        }
        else
        {
            report.NotAvailable(Name, "dualwrite initial-sync is not in this build");
        }

        // The record-by-record client writes into its own fresh Dataverse with the same limits and profile.
        await using var dataverseProcess = await EmulatorProcess.StartDataverseAsync(BuildOutputs.Find(_options.Configuration), 0, limits).ConfigureAwait(false);
        using var finOps = await EmulatorHttp.FinOpsAsync(pair.FinOps.BaseAddress).ConfigureAwait(false);
        using var dataverse = await EmulatorHttp.DataverseAsync(dataverseProcess.BaseAddress).ConfigureAwait(false);
        var sample = await AccountPayloads.ReadAsync(finOps, dataverse, _options.RecordByRecordSample).ConfigureAwait(false);
        var single = await RecordByRecordClient.PushAsync(dataverse, sample).ConfigureAwait(false);
        report.Add(Name, "record-by-record client rows/s", single.RowsPerSecond, "rows/s", $"{single.Records:N0} of a fixed sample, one request each, one at a time" + (single.Failed > 0 ? $"; {single.Failed} failed: " + InitialSyncPhase.Shorten(single.FirstError ?? string.Empty) : string.Empty));
        if (ours is { } rate)
        {
            report.Add(Name, "initial sync / record-by-record", rate / single.RowsPerSecond, "x", "target ≥ 100");
        }

        var rows = written > 0 ? written : _options.Customers;
        var allowed = ceiling.RowsPerSecond(rows, _options.BatchSize, _options.LatencyPerRequestMilliseconds, _options.LatencyPerRecordMilliseconds);
        var steady = ceiling.SteadyRowsPerSecond(_options.BatchSize, _options.LatencyPerRequestMilliseconds, _options.LatencyPerRecordMilliseconds);
        report.Add(Name, "ceiling the limits allow for this load", allowed, "rows/s", $"{rows:N0} rows, batch {_options.BatchSize}: max(n·c/52, requests and execution-time windows)");
        report.Add(Name, "steady-state ceiling (loads ≫ 5 min)", steady, "rows/s", "min(6000·b/300 s, 1200 s·b/(300 s·c), 52·b/c)");
        var effective = machineCeiling is { } machine ? Math.Min(allowed, machine) : allowed;
        if (machineCeiling is not null)
        {
            report.Add(Name, "ceiling on this machine", effective, "rows/s", "the lower of the limits' ceiling and phase 2's CreateMultiple ceiling");
        }

        if (ours is { } our)
        {
            report.Add(Name, "initial sync / allowed ceiling", 100 * our / effective, "%", "target ≥ 80");
        }
    }
}
