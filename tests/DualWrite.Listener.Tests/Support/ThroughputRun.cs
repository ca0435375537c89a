using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace DualWrite.Listener.Tests.Support;

/// <summary>
/// Posts a stream of events over HTTP (8 senders) to a listener and waits until every one is applied once;
/// writes the receive and drain rates. DUALWRITE_MEASURE_EVENTS sets the count (default: a small smoke run).
/// </summary>
public static class ThroughputRun
{
    public static int EventCount =>
        int.TryParse(Environment.GetEnvironmentVariable("DUALWRITE_MEASURE_EVENTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 400;

    public static async Task RunAsync(string label, ListenerTestHost host, RecordingApplier applier, ITestOutputHelper output)
    {
        var count = EventCount;
        const int records = 200;
        var events = Enumerable.Range(0, count).Select(i => TestEvents.Customer("T" + (i % records), i)).ToList();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events.Count)
            {
                using var response = await host.PostAsync(events[i]);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }));
        var received = clock.Elapsed;
        await Eventually.TrueAsync(() => applier.TotalApplied == count, "all events applied", TimeSpan.FromSeconds(60 + (count / 50)));
        var drained = clock.Elapsed;

        Assert.Equal(0, applier.Overlaps);
        Assert.All(applier.AppliedCountByEvent.Values, n => Assert.Equal(1, n));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {count} events over HTTP, {records} records: received (stored, committed) at {count / received.TotalSeconds:F0}/s, all applied after {drained.TotalSeconds:F2} s = {count / drained.TotalSeconds:F0}/s end to end"));
    }
}
