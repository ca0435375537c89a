using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DualWrite.EndToEnd.Tests.Dashboard;

/// <summary>
/// The dashboard of a running listener (both emulators, the plug-in, an initial sync) in a real headless Chromium,
/// driven as an operator would: a change shows in the map's figures, Pause holds changes as a growing backlog, Resume
/// drains it in order, and a refused record is opened (both records side by side) and retried from the page.
/// Screenshots go to TestResults/dashboard/.
/// </summary>
public class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string AdminKey = "dashboard-test-key";
    private const string Map = "Customers V3";
    private static readonly float Timeout = 45_000;

    [Fact]
    public async Task An_operator_watches_pauses_resumes_and_retries_from_the_dashboard()
    {
        var chromium = DashboardChromium.ExecutablePath();
        var refusal = new RefusalSwitch();
        await using var rig = await SyncRig.StartAsync(
            dataverse => dataverse.AdditionalSteps.Add(new StepRegistration
            {
                PluginFactory = (_, _) => refusal,
                Name = "Contoso refusal rule",
                Message = "Update",
                Table = "account",
                Stage = PipelineStage.PreOperation,
                Rank = 10,
            }),
            12,
            "--DualWrite:Admin:ApiKey=" + AdminKey);
        var accounts = (await rig.SyncedUsmfAccountsAsync()).Take(4).ToList();
        var baseUrl = new Uri(rig.Listener.EventsUrl.GetLeftPart(UriPartial.Authority) + "/");
        await AssertAuthenticationAsync(baseUrl);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            HttpCredentials = new HttpCredentials { Username = "admin", Password = AdminKey },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine("browser console: " + message.Text);
        await page.GotoAsync(baseUrl.ToString());
        var row = page.Locator("tr[data-map='" + Map + "']");
        await Assertions.Expect(row.Locator("[data-field=state]")).ToHaveTextAsync("Running", new() { Timeout = Timeout });

        // 1. An F&O change shows in the map's figures.
        await rig.UpdateCustomerInFinOpsAsync(accounts[0], new JsonObject { ["SalesMemo"] = "Seen on the dashboard" });
        await WaitForNumberAsync(page, "applied-per-minute", "the applied count of " + Map + " after an F&O change", atLeast: 1);
        await Assertions.Expect(row.Locator("[data-field=p50]")).Not.ToHaveTextAsync("–", new() { Timeout = Timeout });
        await AssertMetricsAsync(baseUrl);

        // 2. Pause: changes are received and held, the backlog grows, Dataverse stays as it was.
        await row.Locator("button[data-action=pause]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-field=state]")).ToHaveTextAsync("Paused", new() { Timeout = Timeout });
        for (var round = 1; round <= 3; round++)
        {
            await rig.UpdateCustomerInFinOpsAsync(accounts[1], new JsonObject { ["OrganizationName"] = accounts[1] + " round " + round });
        }

        await rig.UpdateCustomerInFinOpsAsync(accounts[2], new JsonObject { ["SalesMemo"] = "Held while paused" });
        await rig.UpdateCustomerInFinOpsAsync(accounts[3], new JsonObject { ["SalesMemo"] = "Held while paused" });
        await WaitForNumberAsync(page, "backlog", "a backlog of 5 events while " + Map + " is paused", atLeast: 5);
        await SaveScreenshotAsync(page, "dashboard-paused.png");
        Assert.NotEqual(accounts[1] + " round 3", (await rig.AccountAsync(accounts[1]))!["name"]!.GetValue<string>());
        Assert.NotEqual("Held while paused", (await rig.AccountAsync(accounts[2]))!["description"]?.GetValue<string>());

        // 3. Resume: the backlog drains, each record's changes in order (the last one wins), and the map runs again.
        await row.Locator("button[data-action=resume]").ClickAsync();
        await WaitForNumberAsync(page, "backlog", "the backlog of " + Map + " to drain after resume", atMost: 0);
        await Assertions.Expect(row.Locator("[data-field=state]")).ToHaveTextAsync("Running", new() { Timeout = Timeout });
        await rig.WaitForQuietAsync();
        Assert.Equal(accounts[1] + " round 3", (await rig.AccountAsync(accounts[1]))!["name"]!.GetValue<string>());
        Assert.Equal("Held while paused", (await rig.AccountAsync(accounts[2]))!["description"]?.GetValue<string>());
        Assert.Equal("Held while paused", (await rig.AccountAsync(accounts[3]))!["description"]?.GetValue<string>());

        // 4. A record Dataverse refuses lands in the error queue; opened, it shows both records with the difference marked.
        refusal.On = true;
        var refusedMemo = RefusalSwitch.Marker + " credit limit memo";
        await rig.UpdateCustomerInFinOpsAsync(accounts[0], new JsonObject { ["SalesMemo"] = refusedMemo });
        var errorRow = page.Locator("#error-rows tr[data-error-id]", new() { HasText = accounts[0] });
        await Assertions.Expect(errorRow).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await WaitForNumberAsync(page, "errors", "the error count of " + Map, atLeast: 1);
        await SaveScreenshotAsync(page, "dashboard.png");

        await errorRow.ClickAsync();
        await Assertions.Expect(page.Locator("#detail")).ToBeVisibleAsync(new() { Timeout = Timeout });
        var differing = page.Locator("#compare-rows tr[data-field-name=description]");
        await Assertions.Expect(differing).ToHaveAttributeAsync("data-differs", "true", new() { Timeout = Timeout });
        await Assertions.Expect(differing).ToContainTextAsync(refusedMemo);
        await Assertions.Expect(page.Locator("#detail-reason")).ToContainTextAsync("Contoso's rule");
        await SaveScreenshotAsync(page, "dashboard-error.png");

        // 5. The rule is lifted; Retry from the page sends the record through the ordered path and it applies.
        refusal.On = false;
        await page.Locator("#detail-retry").ClickAsync();
        await Assertions.Expect(page.Locator("#detail")).ToBeHiddenAsync(new() { Timeout = Timeout });
        await Assertions.Expect(errorRow).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await WaitForNumberAsync(page, "errors", "the error count of " + Map + " after the retry", atMost: 0);
        await rig.WaitForQuietAsync();
        Assert.Equal(refusedMemo, (await rig.AccountAsync(accounts[0]))!["description"]?.GetValue<string>());
        await SaveScreenshotAsync(page, "dashboard-after-retry.png");
    }

    /// <summary>The page and the API need the key (a browser is offered Basic); health stays open.</summary>
    private static async Task AssertAuthenticationAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains(page.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        using var monitor = await http.GetAsync(new Uri("api/monitor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, monitor.StatusCode);

        using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var health = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal(["state-store", "finops", "dataverse"], health["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("health/live", UriKind.Relative))).StatusCode);
    }

    /// <summary>Prometheus text from the exporter, without a key: the applied change is counted under its map.</summary>
    private static async Task AssertMetricsAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        Assert.Contains("# TYPE dualwrite_listener_events_received_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("dualwrite_listener_events_applied_total{otel_scope_name=\"DualWrite.Listener\",map=\"" + Map + "\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("dualwrite_listener_apply_duration_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    /// <summary>Waits until the map row's number in <paramref name="field"/> is within the bounds; fails naming what it waited for and what the row shows.</summary>
    private static async Task WaitForNumberAsync(IPage page, string field, string what, int? atLeast = null, int? atMost = null)
    {
        const string script = """
            ([map, field, atLeast, atMost]) => {
              const cell = document.querySelector(`tr[data-map="${map}"] [data-field="${field}"]`);
              if (!cell) return false;
              const value = Number(cell.textContent.replace(/[^0-9.]/g, ""));
              if (cell.textContent.trim() === "–" || Number.isNaN(value)) return false;
              return (atLeast === null || value >= atLeast) && (atMost === null || value <= atMost);
            }
            """;
        try
        {
            await page.WaitForFunctionAsync(script, new object?[] { Map, field, atLeast, atMost }, new() { Timeout = Timeout, PollingInterval = 200 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("tr[data-map='" + Map + "']").InnerTextAsync();
            Assert.Fail("Timed out waiting for " + what + "; the row shows: " + shown.ReplaceLineEndings(" | "));
        }
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "TestResults", "dashboard");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine("Screenshot: " + path);
    }
}
