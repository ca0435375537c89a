using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Sync.Benchmarks.Clients;
using DualWrite.TestSupport.Processes;
using DualWrite.Sync.Benchmarks.Reporting;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// Phase 4: live apply. With N customers in both emulators, a burst of F&amp;O changes to existing customers (one
/// field each, through the F&amp;O emulator's bulk change, which publishes a business event per row) is captured, then
/// delivered to a fresh <c>dualwrite listen</c> at once (16 senders); events/s from the first received to the last
/// applied, and received → applied lag percentiles from the listener's inbox. Then the same with
/// <c>ApplyBatchSize=1</c> (one at a time) on a smaller burst, in the same run.
/// </summary>
public sealed class LivePhase
{
    public const string Name = "4. live apply";

    private const int Senders = 16;

    private readonly ListenerProcesses _listener;
    private readonly BenchmarkOptions _options;

    public LivePhase(ListenerProcesses listener, BenchmarkOptions options)
    {
        _listener = listener;
        _options = options;
    }

    public async Task RunAsync(BenchmarkReport report, LoadedPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        await using var capture = await EventCapture.StartAsync().ConfigureAwait(false);
        var batchedEvents = await BurstAsync(pair, capture, _options.Burst, "B").ConfigureAwait(false);
        var batched = await DrainAsync(pair, batchedEvents, []).ConfigureAwait(false);
        Report(report, "batched", _options.Burst, batched);

        var singleEvents = await BurstAsync(pair, capture, _options.BaselineBurst, "A").ConfigureAwait(false);
        var single = await DrainAsync(pair, singleEvents, ["--DualWrite:Processing:ApplyBatchSize=1"]).ConfigureAwait(false);
        Report(report, "one at a time (ApplyBatchSize=1)", _options.BaselineBurst, single);
        if (batched.EventsPerSecond > 0 && single.EventsPerSecond > 0)
        {
            report.Add(Name, "batched / one at a time", batched.EventsPerSecond / single.EventsPerSecond, "x", "target ≥ 10");
        }
    }

    private static void Report(BenchmarkReport report, string how, int burst, DrainResult result)
    {
        var finished = result.Applied + result.Skipped + result.Failed;
        var note = $"{burst:N0} changes: {result.Applied:N0} applied, {result.Skipped:N0} skipped (persons: not in the map), {result.Failed:N0} failed" + (result.Complete ? string.Empty : $"; only {finished:N0} finished in time");
        report.Add(Name, how + ": events/s drained", result.EventsPerSecond, "events/s", note);
        report.Add(Name, how + ": lag p50", result.LagP50, "ms", "received → applied");
        report.Add(Name, how + ": lag p99", result.LagP99, "ms", "received → applied");
        report.Add(Name, how + ": arrival rate", result.ArrivalPerSecond, "events/s", "how fast the listener took the burst in");
    }

    /// <summary>Changes <paramref name="count"/> customers in F&amp;O and returns their business events as F&amp;O posted them.</summary>
    private static async Task<IReadOnlyList<string>> BurstAsync(LoadedPair pair, EventCapture capture, int count, string tag)
    {
        capture.Clear();
        using var admin = EmulatorHttp.Admin(pair.FinOps.BaseAddress);
        using (var registered = await admin.PostAsJsonAsync("_emulator/events/endpoints", new { name = "benchmark-capture", url = capture.Url.AbsoluteUri }).ConfigureAwait(false))
        {
            registered.EnsureSuccessStatusCode();
        }

        using (var changed = await admin.PostAsJsonAsync("_emulator/data/bulk-change", new { entitySet = "CustomersV3", count, field = "PrimaryContactPhone", value = "+1 555 " + tag + "{i}" }).ConfigureAwait(false))
        {
            changed.EnsureSuccessStatusCode();
        }

        await capture.WaitForAsync(count, TimeSpan.FromMinutes(20)).ConfigureAwait(false);
        using (var removed = await admin.DeleteAsync(new Uri("_emulator/events/endpoints/benchmark-capture", UriKind.Relative)).ConfigureAwait(false))
        {
            removed.EnsureSuccessStatusCode();
        }

        return capture.Events;
    }

    private async Task<DrainResult> DrainAsync(LoadedPair pair, IReadOnlyList<string> events, IReadOnlyList<string> extra)
    {
        var dataDirectory = ListenerProcesses.NewDataDirectory("live");
        try
        {
            var (process, url) = await _listener.ListenAsync(ListenerProcesses.Settings(pair.FinOps, pair.Dataverse, dataDirectory).Concat(extra)).ConfigureAwait(false);
            await using (process)
            {
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { Timeout = TimeSpan.FromMinutes(5) };
                var next = -1;
                var rejected = 0;
                var senders = Enumerable.Range(0, Senders).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < events.Count)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(events[i], Encoding.UTF8, "application/json") };
                        request.Headers.Add(ListenerProcesses.SecretHeader, ListenerProcesses.Secret);
                        using var response = await http.SendAsync(request).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref rejected);
                        }
                    }
                });
                await Task.WhenAll(senders).ConfigureAwait(false);
                if (rejected > 0)
                {
                    Console.WriteLine($"    the listener refused {rejected:N0} of {events.Count:N0} events");
                }

                var observer = new InboxObserver(dataDirectory);
                var complete = await observer.WaitForFinishedAsync(events.Count - rejected, TimeSpan.FromMinutes(_options.Quick ? 5 : 60)).ConfigureAwait(false);
                var result = await observer.ResultAsync(complete).ConfigureAwait(false);
                Console.WriteLine($"    {events.Count:N0} events: {result.EventsPerSecond:N0} events/s, p50 {result.LagP50:N0} ms, p99 {result.LagP99:N0} ms, {result.Failed:N0} failed" + (complete ? string.Empty : " (timed out)") + (result.Failed > 0 ? Environment.NewLine + InitialSyncPhase.Shorten(process.Tail) : string.Empty));
                return result;
            }
        }
        finally
        {
            TryDelete(dataDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
