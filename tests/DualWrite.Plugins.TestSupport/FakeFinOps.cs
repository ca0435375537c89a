using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DualWrite.Plugins.TestSupport;

/// <summary>
/// A real HTTP server on loopback standing in for F&amp;O and its token service: records every request,
/// answers data requests as scripted (default: POST 201, PATCH/DELETE 204), serves
/// /{tenant}/oauth2/v2.0/token and counts token requests.
/// </summary>
public sealed class FakeFinOps : IAsyncDisposable
{
    public const string TenantId = "contoso-tenant";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeResponse> _script = new();
    private int _tokenRequests;

    private FakeFinOps(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The server root (<c>http://127.0.0.1:port/</c>): both the F&amp;O base URL and the authority.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Data requests (not token requests), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Answers used when the script is empty; may look at the request.</summary>
    public Func<RecordedRequest, FakeResponse> DefaultResponder { get; set; } = request => request.Method switch
    {
        "POST" => FakeResponse.Created,
        _ => FakeResponse.NoContent,
    };

    /// <summary>Lifetime of issued tokens, in seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public static async Task<FakeFinOps> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeFinOps(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        fake.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    /// <summary>Queues answers for the next data requests, in order.</summary>
    public void Script(params FakeResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (context.Request.Method == "POST" && context.Request.Path.Value?.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) == true)
        {
            var number = Interlocked.Increment(ref _tokenRequests);
            var ok = body.Contains("grant_type=client_credentials", StringComparison.Ordinal) && context.Request.Path.Value.StartsWith("/" + TenantId + "/", StringComparison.Ordinal);
            context.Response.StatusCode = ok ? 200 : 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ok
                ? "{\"token_type\":\"Bearer\",\"expires_in\":" + TokenLifetimeSeconds + ",\"access_token\":\"token-" + number + "\"}"
                : "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS900144: bad token request\"}").ConfigureAwait(false);
            return;
        }

        var request = new RecordedRequest(context.Request.Method, rawTarget, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), body);
        _requests.Enqueue(request);
        var response = _script.TryDequeue(out var scripted) ? scripted : DefaultResponder(request);
        if (response.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        foreach (var header in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; odata.metadata=minimal";
            await context.Response.WriteAsync(response.Body).ConfigureAwait(false);
        }
    }
}
