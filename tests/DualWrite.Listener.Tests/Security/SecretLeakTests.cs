using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Dataverse.Auth;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.FinOps.Auth;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.Syncing;
using DualWrite.Listener.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Tests.Security;

/// <summary>
/// A run that fails in every way we can provoke — bad configuration, wrong client secrets (F&amp;O and Dataverse
/// answer 401), F&amp;O down, PostgreSQL unreachable, unauthenticated, stale, replayed and malformed events, admin
/// 401s, an alert webhook that refuses — with ALL its output captured (every log entry at Trace with its values and
/// exceptions, every HTTP answer with headers, the command's console output, the emulators' admin listings and the
/// webhook's bodies), then searched for each secret value.
/// </summary>
[Collection(ConsoleCaptureCollection.Name)]
public sealed class SecretLeakTests : IAsyncLifetime
{
    private const string FinOpsSecretWrong = "FinOpsWrongSecret-7Qx2v";
    private const string FinOpsSecretRight = "FinOpsRightSecret-3Lm8k";
    private const string DataverseSecretWrong = "DataverseWrongSecret-9Tz4p";
    private const string DataverseSecretRight = "DataverseRightSecret-5Hy1c";
    private const string SharedSecret = "EventSharedSecret-2Wn6d";
    private const string HmacKey = "EventHmacKey-8Rb3s";
    private const string AdminKey = "AdminApiKey-4Vf9j";
    private const string WebhookToken = "WebhookToken-6Kp2m";
    private const string PostgresPassword = "PostgresPassword-1Gd7x";

    private static readonly string[] Secrets =
    [
        FinOpsSecretWrong, FinOpsSecretRight, DataverseSecretWrong, DataverseSecretRight, SharedSecret, HmacKey, AdminKey, WebhookToken, PostgresPassword,
    ];

    private readonly AllOutputCapture capture = new();
    private readonly ConsoleRedirect console = new();
    private readonly TempDirectory directory = new();
    private readonly List<IAsyncDisposable> owned = [];
    private FinOpsEmulator finOps = null!;
    private DataverseEmulator dataverse = null!;
    private WebApplication webhook = null!;
    private Uri webhookUrl = null!;

    public async Task InitializeAsync()
    {
        var finOpsOptions = new FinOpsEmulatorOptions { Seed = SeedOptions.Small with { Customers = 3, Vendors = 0, Contacts = 0, Products = 0, SalesOrders = 0 } };
        finOpsOptions.Clients.Clear();
        finOpsOptions.Clients.Add(new FinOpsClientCredential("listener", FinOpsSecretRight));
        finOps = await FinOpsEmulator.StartAsync(finOpsOptions);
        var dataverseOptions = new DataverseEmulatorOptions { Seed = DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 } };
        dataverseOptions.Clients.Add(new DataverseClientCredential("listener", DataverseSecretRight));
        dataverse = await DataverseEmulator.StartAsync(dataverseOptions);

        // An alert webhook that refuses everything (so the sender retries and gives up, logging), keeping each body.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        webhook = builder.Build();
        webhook.MapPost("/hooks/{**rest}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            // The body only: the path is the webhook's own token, which only its receiver sees.
            capture.Add("webhook body", await reader.ReadToEndAsync());
            return Results.StatusCode(500);
        });
        await webhook.StartAsync();
        webhookUrl = new Uri(webhook.Urls.First() + "/hooks/T0001/B0002/" + WebhookToken);
    }

    public async Task DisposeAsync()
    {
        foreach (var item in owned.AsEnumerable().Reverse())
        {
            await item.DisposeAsync();
        }

        await webhook.DisposeAsync();
        await dataverse.DisposeAsync();
        await finOps.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
        console.Dispose();
    }

    [Fact]
    public async Task No_secret_appears_in_any_output_of_a_run_that_fails_in_every_way()
    {
        await BadConfigurationAsync();
        await UnreachablePostgresAsync();
        await BadSecretsFileAsync();

        // F&O refuses the listener's client secret (token 401).
        var wrongFinOps = await StartListenerAsync("wrong-finops", FinOpsSecretWrong, DataverseSecretWrong);
        await ProvokeAsync(wrongFinOps, "US-001", 1);
        await WaitForAsync(() => capture.All.Contains("AADSTS7000215", StringComparison.Ordinal), "F&O's token refusal");

        // F&O takes the listener, Dataverse refuses it (token 401); the lag alert fires and the webhook refuses it.
        var wrongDataverse = await StartListenerAsync("wrong-dataverse", FinOpsSecretRight, DataverseSecretWrong);
        await ProvokeAsync(wrongDataverse, "US-002", 2);
        await WaitForAsync(() => capture.All.Split("AADSTS7000215").Length > 2, "Dataverse's token refusal");
        await WaitForAsync(() => capture.All.Contains("[webhook body]", StringComparison.Ordinal), "an alert at the webhook");

        // F&O down.
        await finOps.DisposeAsync();
        await PostAsync(wrongDataverse, "event, F&O down", Event("US-003", 3), secret: SharedSecret);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await AdminAsync(wrongDataverse);

        // Let the alert sender give up and log it.
        await WaitForAsync(() => capture.All.Contains("did not take map", StringComparison.Ordinal), "the webhook sender giving up");

        await Task.Delay(200); // the console logger writes from its own thread
        Assert.Contains("Alert webhook", console.Text, StringComparison.Ordinal);
        capture.Add("console", console.Text);
        Assert.True(capture.Count > 100, "Only " + capture.Count + " outputs were captured.");
        if (Environment.GetEnvironmentVariable("DUALWRITE_LEAK_TEST_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllTextAsync(dump, capture.All);
        }

        var all = capture.All;
        var leaks = Secrets.Where(secret => all.Contains(secret, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Leaked " + string.Join(", ", leaks) + ":\n" + string.Join("\n", all.Split('\n').Where(line => leaks.Any(l => line.Contains(l, StringComparison.Ordinal))).Take(20)));
    }

    private async Task BadConfigurationAsync()
    {
        using var output = new StringWriter();
        var exit = await ListenerRun.RunAsync(
            [
                "--DualWrite:Inbox:DataDirectory=" + Path.Combine(directory.Path, "bad-config"),
                "--DualWrite:Receiving:Urls=http://127.0.0.1:0",
                "--DualWrite:Receiving:SharedSecret=" + SharedSecret,
                "--DualWrite:Receiving:HmacKey=" + HmacKey,
                "--DualWrite:Receiving:MaxBodyBytes=-3",
                "--DualWrite:Receiving:SignatureTolerance=-00:01:00",
                "--DualWrite:Admin:ApiKey=" + AdminKey,
                "--DualWrite:Alerts:WebhookUrl=ftp://hooks.example/T1/B2/" + WebhookToken,
                "--DualWrite:FinOps:BaseUrl=not a url",
                "--DualWrite:FinOps:ClientSecret=" + FinOpsSecretWrong,
                "--DualWrite:Dataverse:ClientSecret=" + DataverseSecretWrong,
            ],
            output,
            CancellationToken.None);
        capture.Add("console, bad configuration (exit " + exit + ")", output.ToString());
        Assert.Equal(ListenerRun.ConfigurationProblemExitCode, exit);
    }

    private async Task UnreachablePostgresAsync()
    {
        using var output = new StringWriter();
        var exit = -1;
        try
        {
            exit = await ListenerRun.RunAsync(
                [
                    "--DualWrite:Inbox:PostgresConnectionString=Host=127.0.0.1;Port=1;Username=dualwrite;Password=" + PostgresPassword + ";Timeout=2",
                    "--DualWrite:Receiving:Urls=http://127.0.0.1:0",
                    "--DualWrite:Receiving:SharedSecret=" + SharedSecret,
                    .. ServiceArguments(FinOpsSecretRight, DataverseSecretRight),
                ],
                output,
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            capture.Add("exception, PostgreSQL unreachable", ex.ToString());
        }

        capture.Add("console, PostgreSQL unreachable (exit " + exit + ")", output.ToString());
        Assert.Equal(ListenerRun.StateStoreUnavailableExitCode, exit);
        Assert.Contains("the state store (DualWrite:Inbox) cannot be opened: Failed to connect to 127.0.0.1:1", output.ToString(), StringComparison.Ordinal);
    }

    private async Task BadSecretsFileAsync()
    {
        var file = Path.Combine(directory.Path, "secrets.json");
        await File.WriteAllTextAsync(file, "{\"DualWrite\":{\"Admin\":{\"ApiKey\":\"" + AdminKey + "\"}}}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        using var output = new StringWriter();
        var exit = await ListenerRun.RunAsync(["--secrets-file", file, "--DualWrite:Receiving:Urls=http://127.0.0.1:0"], output, CancellationToken.None);
        capture.Add("console, open secrets file (exit " + exit + ")", output.ToString());
    }

    private async Task<RunningListener> StartListenerAsync(string name, string finOpsSecret, string dataverseSecret)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["DualWrite:Inbox:DataDirectory"] = Path.Combine(directory.Path, name),
            ["DualWrite:Receiving:Urls"] = "http://127.0.0.1:0",
            ["DualWrite:Receiving:SharedSecret"] = SharedSecret,
            ["DualWrite:Receiving:HmacKey"] = HmacKey,
            ["DualWrite:Admin:ApiKey"] = AdminKey,
            ["DualWrite:Alerts:WebhookUrl"] = webhookUrl.AbsoluteUri,
            ["DualWrite:Alerts:EvaluationInterval"] = "00:00:00.500",
            ["DualWrite:Alerts:WebhookAttempts"] = "2",
            ["DualWrite:Alerts:WebhookFirstRetryDelay"] = "00:00:00.100",
            ["DualWrite:Alerts:Rules:0:Kind"] = "Lag",
            ["DualWrite:Alerts:Rules:0:Threshold"] = "1",
            ["DualWrite:Processing:InitialRetryDelay"] = "00:00:00.100",
            ["DualWrite:Processing:MaxRetryDelay"] = "00:00:00.500",
            ["DualWrite:Processing:MaxAttempts"] = "3",
            ["DualWrite:Resilience:RetryBaseDelay"] = "00:00:00.050",
            ["DualWrite:Resilience:RetryMaxDelay"] = "00:00:00.200",
            ["DualWrite:Resilience:MaxRetryAttempts"] = "1",
        };
        foreach (var argument in ServiceArguments(finOpsSecret, dataverseSecret))
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            settings[argument[2..equals]] = argument[(equals + 1)..];
        }

        RunningListener listener;
        try
        {
            listener = await RunningListener.StartAsync([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(capture);
            }, CancellationToken.None);
        }
        catch (Exception ex)
        {
            capture.Add("exception, start " + name, ex.ToString());
            throw;
        }

        owned.Add(listener);
        finOps.Control.Events.Register(new EventEndpoint(name, listener.EventsUrl) { SigningKey = HmacKey, Headers = new Dictionary<string, string> { ["X-Other"] = "x" } });
        return listener;
    }

    private IEnumerable<string> ServiceArguments(string finOpsSecret, string dataverseSecret) =>
    [
        "--" + ServiceTargetOptions.FinOpsSection + ":BaseUrl=" + finOps.BaseAddress.AbsoluteUri,
        "--" + ServiceTargetOptions.FinOpsSection + ":Authority=" + new Uri(finOps.BaseAddress, DefaultEmulatorClient.Tenant).AbsoluteUri,
        "--" + ServiceTargetOptions.FinOpsSection + ":ClientId=listener",
        "--" + ServiceTargetOptions.FinOpsSection + ":ClientSecret=" + finOpsSecret,
        "--" + ServiceTargetOptions.DataverseSection + ":BaseUrl=" + dataverse.BaseAddress.AbsoluteUri,
        "--" + ServiceTargetOptions.DataverseSection + ":Authority=" + new Uri(dataverse.BaseAddress, DefaultEmulatorClient.Tenant).AbsoluteUri,
        "--" + ServiceTargetOptions.DataverseSection + ":ClientId=listener",
        "--" + ServiceTargetOptions.DataverseSection + ":ClientSecret=" + dataverseSecret,
    ];

    /// <summary>Every kind of bad event, then a good one (which the wrong secrets make fail), then the admin API.</summary>
    private async Task ProvokeAsync(RunningListener listener, string account, long controlNumber)
    {
        var good = Event(account, controlNumber);
        await PostAsync(listener, "no credentials", good);
        await PostAsync(listener, "wrong shared secret", good, secret: "not-" + SharedSecret[..5]);
        await PostAsync(listener, "shared secret as signature", good, signature: SharedSecret, timestamp: "1");
        var timestamp = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow);
        var signature = EventSignature.Compute(HmacKey, timestamp, Encoding.UTF8.GetBytes(good));
        await PostAsync(listener, "signed", good, signature: signature, timestamp: timestamp);
        await PostAsync(listener, "replayed", good, signature: signature, timestamp: timestamp);
        var stale = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow.AddHours(-1));
        await PostAsync(listener, "stale", good, signature: EventSignature.Compute(HmacKey, stale, Encoding.UTF8.GetBytes(good)), timestamp: stale);
        await PostAsync(listener, "bad signature", good, signature: EventSignature.Compute(HmacKey + "x", timestamp, Encoding.UTF8.GetBytes(good)), timestamp: timestamp);
        await PostAsync(listener, "malformed", "{\"EventId\": 5", secret: SharedSecret);
        await PostAsync(listener, "not an event", "[1,2,3]", secret: SharedSecret);
        await PostAsync(listener, "unknown entity", good.Replace("CustomersV3", "NoSuchEntityV9", StringComparison.Ordinal), secret: SharedSecret);

        // A real F&O change, delivered and signed by the emulator.
        using var http = new HttpClient { BaseAddress = finOps.BaseAddress };
        using var change = await http.PostAsync(
            "_emulator/data/bulk-change",
            new StringContent("{\"entitySet\":\"CustomerGroups\",\"count\":1,\"field\":\"Description\",\"value\":\"changed " + controlNumber + "\"}", Encoding.UTF8, "application/json"));
        await CaptureAsync("F&O bulk change", change);
        await AdminAsync(listener);
    }

    private static string Event(string account, long controlNumber) => TestEvents.Json(TestEvents.Customer(account, controlNumber));

    private async Task PostAsync(RunningListener listener, string what, string body, string? secret = null, string? signature = null, string? timestamp = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, listener.EventsUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-DualWrite-Secret", secret);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-DualWrite-Signature", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.Add("X-DualWrite-Timestamp", timestamp);
        }

        using var response = await http.SendAsync(request);
        await CaptureAsync("event " + what, response);
    }

    private async Task AdminAsync(RunningListener listener)
    {
        var root = new Uri(listener.EventsUrl.GetLeftPart(UriPartial.Authority));
        string[] paths =
        [
            "/api/errors", "/api/errors?all=true", "/api/errors/1", "/api/errors/1/records", "/api/conflicts", "/api/alerts", "/api/maps",
            "/api/monitor", "/metrics", "/health/live", "/health/ready", "/dashboard/", "/dashboard/index.html",
        ];
        using var anonymous = new HttpClient { BaseAddress = root };
        using var wrong = new HttpClient { BaseAddress = root };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        using var basic = new HttpClient { BaseAddress = root };
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:wrong")));
        using var authorised = new HttpClient { BaseAddress = root };
        authorised.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        foreach (var path in paths)
        {
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("wrong key", wrong), ("wrong basic", basic), ("admin", authorised) })
            {
                using var response = await client.GetAsync(path);
                await CaptureAsync("admin " + who + " GET " + path, response);
            }
        }

        using var retry = await authorised.PostAsync("/api/errors/retry", new StringContent("{\"all\":true}", Encoding.UTF8, "application/json"));
        await CaptureAsync("admin retry", retry);
        await EmulatorAdminAsync(finOps.BaseAddress, "_emulator/events/endpoints", "_emulator/status", "_emulator/events/errors", "_emulator/requests");
        await EmulatorAdminAsync(dataverse.BaseAddress, "_emulator/requests");
    }

    private async Task EmulatorAdminAsync(Uri emulator, params string[] paths)
    {
        using var http = new HttpClient { BaseAddress = emulator };
        foreach (var path in paths)
        {
            try
            {
                using var response = await http.GetAsync(path);
                await CaptureAsync("emulator " + emulator.Port + " GET " + path, response);
            }
            catch (HttpRequestException ex)
            {
                capture.Add("emulator " + emulator.Port + " GET " + path, ex.Message);
            }
        }
    }

    private async Task CaptureAsync(string what, HttpResponseMessage response) =>
        capture.Add(what, (int)response.StatusCode + " " + response.Headers + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync());

    private async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Never saw " + what + ".");
            await Task.Delay(100);
        }
    }
}
