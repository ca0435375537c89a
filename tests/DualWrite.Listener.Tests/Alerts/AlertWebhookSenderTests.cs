using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Listener.Tests.Alerts;

/// <summary>The webhook POST, received by a real loopback server.</summary>
public sealed class AlertWebhookSenderTests
{
    [Fact]
    public async Task An_alert_is_posted_as_camel_case_json_and_retried_after_a_500()
    {
        var bodies = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new System.IO.StreamReader(request.Body);
            bodies.Enqueue(await reader.ReadToEndAsync());
            return bodies.Count == 1 ? Results.StatusCode(500) : Results.Ok();
        });
        await server.StartAsync();

        var options = new AlertOptions { WebhookUrl = new Uri(server.Urls.First() + "/hook"), WebhookFirstRetryDelay = TimeSpan.FromMilliseconds(20), WebhookAttempts = 3 };
        var sender = new AlertWebhookSender(new OneClient(), Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<AlertWebhookSender>.Instance);
        var alert = new FiredAlert("id-1", DateTimeOffset.UnixEpoch, "Customers V3", "errors >= 2 in 5 min", AlertKind.Errors, 2, 2, true, "Map 'Customers V3': alert fired.");

        Assert.True(await sender.SendAsync(alert, CancellationToken.None));

        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, body => Assert.Contains("\"map\":\"Customers V3\"", body));
        Assert.Contains("\"kind\":\"errors\"", bodies.First());
        Assert.Contains("\"pausedMap\":true", bodies.First());
    }

    [Fact]
    public async Task A_webhook_that_never_answers_well_is_given_up_after_the_configured_tries()
    {
        var calls = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.MapPost("/hook", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.StatusCode(503);
        });
        await server.StartAsync();
        var options = new AlertOptions { WebhookUrl = new Uri(server.Urls.First() + "/hook"), WebhookFirstRetryDelay = TimeSpan.FromMilliseconds(5), WebhookAttempts = 3 };
        var sender = new AlertWebhookSender(new OneClient(), Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<AlertWebhookSender>.Instance);

        Assert.False(await sender.SendAsync(new FiredAlert("id", DateTimeOffset.UnixEpoch, "m", "r", AlertKind.Lag, 1, 1, false, "m"), CancellationToken.None));
        Assert.Equal(3, calls);
    }

    private sealed class OneClient : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
