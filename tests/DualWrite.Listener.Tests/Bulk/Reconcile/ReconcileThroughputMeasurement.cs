using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Reconcile;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Tests.Bulk.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace DualWrite.Listener.Tests.Bulk.Reconcile;

/// <summary>
/// A measurement, not a timed test: with <c>DUALWRITE_RECONCILE_ROWS=N</c> set (run in Release), seeds N F&amp;O
/// customers, loads them into Dataverse with reconcile --fix, then times a reconcile over both sides and prints rows/s.
/// Without the variable it does nothing.
/// </summary>
public sealed class ReconcileThroughputMeasurement(ITestOutputHelper output)
{
    [Fact]
    public async Task Measures_reconcile_rows_per_second_over_a_large_seed()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("DUALWRITE_RECONCILE_ROWS"), NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
        {
            return;
        }

        await using var harness = await BulkHarness.StartAsync(customers: rows, accounts: 0);
        var reconciler = Create(harness);
        var request = new ReconcileRequest(new[] { "Customers V3" }, null, Fix: true, ReportPath: null);
        var load = await reconciler.RunAsync(request, null, CancellationToken.None);
        output.WriteLine(Describe("fix (load)", load));

        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var compare = await reconciler.RunAsync(request with { Fix = false }, null, CancellationToken.None);
        output.WriteLine(Describe("reconcile", compare));
        output.WriteLine("working set " + (memoryBefore / 1048576) + " MiB before, " + (Process.GetCurrentProcess().PeakWorkingSet64 / 1048576) + " MiB peak (emulators in process)");
        Assert.Equal(0, compare.Unresolved);
    }

    private static string Describe(string what, ReconcileReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: {report.RowsRead} rows read ({report.Maps.Sum(m => m.FinOpsRows)} F&O, {report.Maps.Sum(m => m.DataverseRows)} Dataverse) in {report.Elapsed.TotalSeconds:0.0} s = {report.RowsPerSecond:N0} rows/s; differences {report.Differences}, fixed {report.Maps.Sum(m => m.Fixed)}, unresolved {report.Unresolved}");

    private static Reconciler Create(BulkHarness harness)
    {
        var time = TimeProvider.System;
        var options = new BulkWriterOptions();
        var writer = new BulkWriter(
            new DataverseBulkChannel(harness.Dataverse, options.BatchSize),
            new TargetPacer(options, null, time),
            new FinOpsBulkChannel(harness.FinOps, options.FinOpsBatchSize),
            new TargetPacer(options, null, time),
            NullLogger<BulkWriter>.Instance);
        var lookups = new BulkLookupResolver(harness.Dataverse, new LookupIdCache(time, TimeSpan.FromMinutes(30)), NullLogger<BulkLookupResolver>.Instance);
        return new Reconciler(new MapCatalog(harness.Maps), harness.Reader, lookups, writer, harness.FinOps, harness.Dataverse, new ConfigurationBuilder().Build(), NullLogger<Reconciler>.Instance);
    }
}
