using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>
/// End-to-end latency of one change each way on loopback, median and p99, printed (run with
/// <c>--logger "console;verbosity=detailed"</c> to see them). F&amp;O → Dataverse: from the F&amp;O PATCH until a
/// Dataverse read shows the value (event delivery, inbox, worker, F&amp;O read, mapping, Dataverse read and write).
/// Dataverse → F&amp;O: from the Dataverse PATCH until an F&amp;O read shows it (the plug-in writes inside the save).
/// </summary>
public class LatencyTests(ITestOutputHelper output)
{
    private const int Samples = 100;

    [Fact]
    public async Task One_change_each_way_on_loopback_median_and_p99()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = (await rig.SyncedUsmfAccountsAsync())[0];
        var id = (await rig.AccountAsync(account))!["accountid"]!.GetValue<string>();
        using var finOps = await rig.Emulators.FinOps.CreateAuthenticatedClientAsync();
        using var dataverse = await rig.Emulators.Dataverse.CreateAuthenticatedClientAsync();
        var customerUrl = new Uri(rig.Emulators.FinOps.DataAddress, "CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')?cross-company=true");
        var accountPath = "accounts(" + id + ")";
        await rig.WaitForQuietAsync();

        var toDataverse = new List<double>();
        var toFinOps = new List<double>();
        for (var i = 0; i < Samples + 5; i++)
        {
            var finOpsName = "FinOps " + i.ToString(CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            await SendAsync(finOps, HttpMethod.Patch, customerUrl, new JsonObject { ["OrganizationName"] = finOpsName });
            while (JsonNode.Parse(await dataverse.GetStringAsync(accountPath + "?$select=name"))!["name"]!.GetValue<string>() != finOpsName)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "F&O change " + i + " did not reach Dataverse in 10 s");
            }

            Record(toDataverse, clock, i);
            await rig.WaitForQuietAsync();

            var dataverseName = "Dataverse " + i.ToString(CultureInfo.InvariantCulture);
            clock.Restart();
            await SendAsync(dataverse, HttpMethod.Patch, new Uri(dataverse.BaseAddress!, accountPath), new JsonObject { ["name"] = dataverseName }, ("If-Match", "*"));
            while (JsonNode.Parse(await finOps.GetStringAsync(customerUrl))!["OrganizationName"]!.GetValue<string>() != dataverseName)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Dataverse change " + i + " did not reach F&O in 10 s");
            }

            Record(toFinOps, clock, i);
            await rig.WaitForQuietAsync();
        }

        output.WriteLine(Describe("F&O -> Dataverse", toDataverse));
        output.WriteLine(Describe("Dataverse -> F&O", toFinOps));
        Assert.True(Percentile(toDataverse, 0.99) < 5000);
        Assert.True(Percentile(toFinOps, 0.99) < 5000);
    }

    // The first few samples warm up JIT, connection pools and token caches.
    private static void Record(List<double> samples, Stopwatch clock, int i)
    {
        if (i >= 5)
        {
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, Uri url, JsonObject body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.OrderBy(s => s).ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string Describe(string way, List<double> samples) =>
        string.Format(CultureInfo.InvariantCulture, "{0}: median {1:0.0} ms, p99 {2:0.0} ms, min {3:0.0} ms, max {4:0.0} ms ({5} changes on loopback)", way, Percentile(samples, 0.5), Percentile(samples, 0.99), samples.Min(), samples.Max(), samples.Count);
}
