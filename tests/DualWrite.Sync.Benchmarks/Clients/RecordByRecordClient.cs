using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Sync.Benchmarks.Clients;

/// <summary>
/// As dual-write writes: one request per record, one at a time (a POST of the single account; the
/// @odata.type annotation the bulk body needs is dropped). A 429 waits its Retry-After and resends.
/// </summary>
public static class RecordByRecordClient
{
    public static async Task<PushResult> PushAsync(HttpClient dataverse, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(dataverse);
        ArgumentNullException.ThrowIfNull(targets);
        long records = 0, requests = 0, throttled = 0, failed = 0;
        string? firstError = null;
        var watch = Stopwatch.StartNew();
        foreach (var target in targets)
        {
            var account = JsonNode.Parse(target)!.AsObject();
            account.Remove("@odata.type");
            var json = account.ToJsonString();
            while (true)
            {
                requests++;
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await dataverse.PostAsync("accounts", content).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    throttled++;
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    records++;
                }
                else
                {
                    failed++;
                    firstError ??= ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }

                break;
            }
        }

        return new PushResult(records, requests, throttled, failed, watch.Elapsed, firstError);
    }
}
