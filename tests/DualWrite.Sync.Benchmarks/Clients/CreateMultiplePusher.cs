using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Sync.Benchmarks.Clients;

/// <summary>
/// The ceiling: the least a bulk client can do. Fixed-size CreateMultiple batches on a fixed number of workers,
/// nothing else (no reading, mapping, checkpoints or error splitting); a 429 waits its Retry-After and resends.
/// </summary>
public static class CreateMultiplePusher
{
    public static async Task<PushResult> PushAsync(HttpClient dataverse, IReadOnlyList<string> targets, int batchSize, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(dataverse);
        ArgumentNullException.ThrowIfNull(targets);
        var batches = new Queue<int>(Enumerable.Range(0, (targets.Count + batchSize - 1) / batchSize));
        long records = 0, requests = 0, throttled = 0, failed = 0;
        string? firstError = null;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (true)
            {
                int batch;
                lock (batches)
                {
                    if (batches.Count == 0)
                    {
                        return;
                    }

                    batch = batches.Dequeue();
                }

                var count = Math.Min(batchSize, targets.Count - (batch * batchSize));
                var body = new StringBuilder("{\"Targets\":[");
                for (var i = 0; i < count; i++)
                {
                    body.Append(i == 0 ? string.Empty : ",").Append(targets[(batch * batchSize) + i]);
                }

                var json = body.Append("]}").ToString();
                while (true)
                {
                    Interlocked.Increment(ref requests);
                    using var content = new StringContent(json, Encoding.UTF8, "application/json");
                    using var response = await dataverse.PostAsync("accounts/Microsoft.Dynamics.CRM.CreateMultiple", content).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        Interlocked.Increment(ref throttled);
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                        continue;
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Add(ref records, count);
                    }
                    else
                    {
                        Interlocked.Add(ref failed, count);
                        var error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        Interlocked.CompareExchange(ref firstError, error, null);
                    }

                    break;
                }
            }
        }).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new PushResult(records, requests, throttled, failed, watch.Elapsed, firstError);
    }
}
