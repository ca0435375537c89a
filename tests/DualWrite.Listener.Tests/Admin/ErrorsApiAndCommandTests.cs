using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Commands;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DualWrite.Listener.Tests.Admin;

/// <summary>
/// The error queue and conflicts over the real admin routes of a running listener (loopback, with a key), and the
/// <c>errors</c>/<c>conflicts</c> commands against that listener (<c>--url</c>) and against its store directly.
/// </summary>
public sealed class ErrorsApiAndCommandTests : IAsyncLifetime
{
    private const string Key = "admin-test-key";
    private readonly TempDirectory directory = new();
    private readonly RecordingApplier applier = new();
    private volatile bool failing = true;
    private ListenerTestHost host = null!;

    public async Task InitializeAsync()
    {
        applier.Decide = (e, _) => Task.FromResult(failing && e.ControlNumber == 1
            ? ApplyOutcome.Failed("Dataverse refused the write: 400 creditlimit: value -5 is below the minimum 0.")
            : ApplyOutcome.Applied);
        host = await ListenerTestHost.StartAsync(
            directory.Path,
            new Dictionary<string, string?> { ["DualWrite:Admin:ApiKey"] = Key },
            services =>
            {
                services.AddSingleton<IChangeApplier>(applier);
                services.AddErrorQueueOperations(new ConfigurationBuilder().Build());
                services.AddSingleton(provider => new ConflictOperations(
                    provider.GetRequiredService<IConflictStore>(), provider.GetRequiredService<MapCatalog>(), null, provider.GetRequiredService<ILogger<ConflictOperations>>()));
            });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public async Task The_error_routes_need_the_key_and_answer_with_Bearer_and_Basic()
    {
        using var anonymous = await host.Client.GetAsync("/api/errors");
        using var bearer = await SendAsync(HttpMethod.Get, "/api/errors", new AuthenticationHeaderValue("Bearer", Key));
        using var basic = await SendAsync(HttpMethod.Get, "/api/errors", new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + Key))));
        using var conflicts = await SendAsync(HttpMethod.Get, "/api/conflicts", new AuthenticationHeaderValue("Bearer", Key));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflicts.StatusCode);
        Assert.Equal("[]", await bearer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_error_is_listed_shown_and_retried_over_the_API_in_camelCase_JSON()
    {
        var entry = await FailOneAsync();

        using var list = await SendAsync(HttpMethod.Get, "/api/errors?map=Customers%20V3&limit=5");
        using var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var first = listed.RootElement[0];
        Assert.Equal(entry.Id, first.GetProperty("id").GetInt64());
        Assert.Equal("Customers V3", first.GetProperty("map").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.Equal("event", first.GetProperty("source").GetString());
        Assert.Contains("below the minimum", first.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(first.TryGetProperty("firstFailureAt", out _));

        failing = false;
        using var retried = await SendAsync(HttpMethod.Post, "/api/errors/" + entry.Id + "/retry");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await Eventually.TrueAsync(() => applier.AppliedOrder(TestEvents.CustomerKey("C1")).Count == 1, "the retried event applied");
    }

    [Fact]
    public async Task Problems_are_problem_json_naming_the_id_map_or_value()
    {
        using var unknownId = await SendAsync(HttpMethod.Get, "/api/errors/4242");
        using var unknownMap = await SendAsync(HttpMethod.Get, "/api/errors?map=Nope");
        using var badRetry = await SendAsync(HttpMethod.Post, "/api/errors/retry", body: new { });
        using var badTake = await SendAsync(HttpMethod.Post, "/api/conflicts/1/resolve", body: new { take = "both" });

        Assert.Equal(HttpStatusCode.NotFound, unknownId.StatusCode);
        Assert.Equal("application/problem+json", unknownId.Content.Headers.ContentType?.MediaType);
        Assert.Contains("4242", await unknownId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownMap.StatusCode);
        Assert.Contains("Customers V3", await unknownMap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badRetry.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
        Assert.Contains("both", await badTake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_errors_command_works_the_same_against_the_running_listener_and_against_its_store()
    {
        var entry = await FailOneAsync();
        var url = host.Client.BaseAddress!.ToString();
        var store = "--DualWrite:Inbox:DataDirectory=" + directory.Path;

        var (viaApi, apiList) = await RunAsync("errors", "list", "--url", url, "--api-key", Key);
        var (viaStore, storeList) = await RunAsync("errors", "list", store);
        var (shown, showText) = await RunAsync("errors", "show", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--url", url, "--api-key", Key);
        var (json, jsonText) = await RunAsync("errors", "list", "--json", "--url", url, "--api-key", Key);
        var (wrongKey, wrongKeyText) = await RunAsync("errors", "list", "--url", url, "--api-key", "nope");
        var (missing, missingText) = await RunAsync("errors", "show", "999", store);

        Assert.Equal(0, viaApi);
        Assert.Equal(0, viaStore);
        Assert.Equal(apiList, storeList);
        Assert.Contains("Customers V3", apiList, StringComparison.Ordinal);
        Assert.Contains("Dataverse refused", apiList, StringComparison.Ordinal);
        Assert.Equal(0, shown);
        Assert.Contains("first failure:", showText, StringComparison.Ordinal);
        Assert.Equal(0, json);
        Assert.Equal(entry.Id, JsonDocument.Parse(jsonText).RootElement[0].GetProperty("id").GetInt64());
        Assert.Equal(1, wrongKey);
        Assert.Contains("DUALWRITE_ADMIN_KEY", wrongKeyText, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.Contains("999", missingText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_and_discard_commands_go_through_the_ordered_path()
    {
        var entry = await FailOneAsync();
        await host.PostAsync(TestEvents.Customer("C1", 2));
        var url = host.Client.BaseAddress!.ToString();

        var (discarded, discardText) = await RunAsync("errors", "discard", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "fixed by hand", "--url", url, "--api-key", Key);
        var (again, _) = await RunAsync("errors", "retry", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--url", url, "--api-key", Key);
        var (neither, _) = await RunAsync("errors", "retry", "--url", url, "--api-key", Key);

        Assert.Equal(0, discarded);
        Assert.Contains("fixed by hand", discardText, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => applier.AppliedOrder(TestEvents.CustomerKey("C1")).Count == 1, "the later event applied");
        Assert.Equal([2L], applier.AppliedOrder(TestEvents.CustomerKey("C1")));
        Assert.Equal(1, again);
        Assert.Equal(2, neither);
    }

    [Fact]
    public async Task The_conflicts_command_lists_through_the_API_and_the_store()
    {
        var conflicts = host.Services.GetRequiredService<IConflictStore>();
        var id = await conflicts.AddConflictAsync(
            new NewConflict("CustomersV3(dataAreaId='usmf',CustomerAccount='C5')", "Customers V3", "e-1", "{\"SalesMemo\":\"F\"}", "{\"description\":\"D\"}", null, "description changed on both sides"),
            CancellationToken.None);
        var url = host.Client.BaseAddress!.ToString();

        var (viaApi, apiText) = await RunAsync("conflicts", "list", "--url", url, "--api-key", Key);
        var (viaStore, storeText) = await RunAsync("conflicts", "list", "--DualWrite:Inbox:DataDirectory=" + directory.Path);
        var (shown, showText) = await RunAsync("conflicts", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--url", url, "--api-key", Key);
        var (resolved, resolveText) = await RunAsync("conflicts", "resolve", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--take", "fno", "--url", url, "--api-key", Key);

        Assert.Equal(0, viaApi);
        Assert.Equal(0, viaStore);
        Assert.Equal(apiText, storeText);
        Assert.Contains("description changed on both sides", apiText, StringComparison.Ordinal);
        Assert.Equal(0, shown);
        Assert.Equal("F", JsonDocument.Parse(showText).RootElement.GetProperty("finOps").GetProperty("SalesMemo").GetString());

        // This listener has no F&O or Dataverse: resolving says so and fails.
        Assert.Equal(1, resolved);
        Assert.Contains("not configured", resolveText, StringComparison.Ordinal);
    }

    private async Task<ErrorEntry> FailOneAsync()
    {
        await host.PostAsync(TestEvents.Customer("C1", 1));
        var operations = host.Services.GetRequiredService<ErrorOperations>();
        ErrorEntry? found = null;
        await Eventually.TrueAsync(
            async () => (found = (await operations.ListAsync(null, 10, false, CancellationToken.None)).Value!.FirstOrDefault()) is not null,
            "an error entry");
        return found!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, AuthenticationHeaderValue? authorization = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = authorization ?? new AuthenticationHeaderValue("Bearer", Key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Client.SendAsync(request);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await DualWriteCommandLine.Create(output).Parse(args).InvokeAsync();
        return (exitCode, output.ToString());
    }
}
