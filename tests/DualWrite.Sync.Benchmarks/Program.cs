using System;
using System.Threading.Tasks;
using DualWrite.Sync.Benchmarks.Phases;
using DualWrite.TestSupport.Processes;
using DualWrite.Sync.Benchmarks.Reporting;

namespace DualWrite.Sync.Benchmarks;

/// <summary>
/// Moving data at scale, measured: both emulators as separate processes on loopback and the <c>dualwrite</c>
/// executable as the operator runs it. Phases: 1 initial sync (N, 5N), 2 CreateMultiple ceiling, 3 service
/// protection limits + latency, 4 live burst, 5 reconcile. A phase whose command this build lacks is reported as
/// not available. Prints a markdown table; <c>--json FILE</c> writes the figures.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (options, problems) = BenchmarkOptions.Parse(args);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, problems) + Environment.NewLine + BenchmarkOptions.Usage);
            return 2;
        }

        var outputs = BuildOutputs.Find(options.Configuration);
        var listener = new ListenerProcesses(outputs);
        var runner = new InitialSyncRunner(outputs, listener, options);
        var report = new BenchmarkReport();
        Console.WriteLine($"DualWrite sync benchmark: {options.Customers:N0} customers, batch {options.BatchSize}, {options.Concurrency} concurrent, {Environment.ProcessorCount} processors ({options.Configuration} builds)");

        var initialSync = await listener.HasCommandAsync("initial-sync").ConfigureAwait(false);
        var reconcile = await listener.HasCommandAsync("reconcile").ConfigureAwait(false);
        double? ours = null;
        LoadedPair? loaded = null;
        try
        {
            Console.WriteLine(InitialSyncPhase.Name);
            if (options.LiveOnly)
            {
                report.NotAvailable(InitialSyncPhase.Name, "skipped: --live-only");
            }
            else if (initialSync)
            {
                (ours, loaded) = await new InitialSyncPhase(runner, options).RunAsync(report).ConfigureAwait(false);
            }
            else
            {
                report.NotAvailable(InitialSyncPhase.Name, "dualwrite initial-sync is not in this build");
            }

            Console.WriteLine(CeilingPhase.Name);
            var ceiling = options.LiveOnly ? null : await Guarded(report, CeilingPhase.Name, async () => await new CeilingPhase(runner, options).RunAsync(report, ours).ConfigureAwait(false)).ConfigureAwait(false);

            Console.WriteLine(LimitsPhase.Name);
            if (!options.LiveOnly)
            {
                await Guarded(report, LimitsPhase.Name, async () =>
                {
                    await new LimitsPhase(runner, options, initialSync).RunAsync(report, ceiling).ConfigureAwait(false);
                    return null;
                }).ConfigureAwait(false);
            }

            // Live and reconcile need both sides loaded alike: phase 1's last N pair, else Dataverse seeded with
            // the same customer numbers (its values differ from F&O's, so reconcile's baseline is not clean then).
            loaded ??= await runner.StartPairAsync(options.Customers, dataverseAccounts: options.Customers).ConfigureAwait(false);
            Console.WriteLine(LivePhase.Name);
            await Guarded(report, LivePhase.Name, async () =>
            {
                await new LivePhase(listener, options).RunAsync(report, loaded).ConfigureAwait(false);
                return null;
            }).ConfigureAwait(false);

            Console.WriteLine(ReconcilePhase.Name);
            if (options.LiveOnly)
            {
                report.NotAvailable(ReconcilePhase.Name, "skipped: --live-only");
            }
            else if (reconcile)
            {
                await Guarded(report, ReconcilePhase.Name, async () =>
                {
                    await new ReconcilePhase(listener, options).RunAsync(report, loaded).ConfigureAwait(false);
                    return null;
                }).ConfigureAwait(false);
            }
            else
            {
                report.NotAvailable(ReconcilePhase.Name, "dualwrite reconcile is not in this build");
            }
        }
        finally
        {
            if (loaded is not null)
            {
                await loaded.DisposeAsync().ConfigureAwait(false);
            }
        }

        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        if (options.JsonFile is { } path)
        {
            report.WriteJson(path, options);
            Console.WriteLine("Figures written to " + path);
        }

        return 0;
    }

    /// <summary>A phase that throws is reported as failed with its reason; the others still run.</summary>
    private static async Task<double?> Guarded(BenchmarkReport report, string phase, Func<Task<double?>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One failing phase must not lose the figures of the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            report.Add(phase, "failed", null, string.Empty, ex.GetType().Name + ": " + InitialSyncPhase.Shorten(ex.Message));
            return null;
        }
    }
}
