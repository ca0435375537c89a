using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback port that answers from a script: each request takes the next step
/// (status, Retry-After, delay); when the script runs out it answers 200. Counts requests and concurrency.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptStep> script = new();
    private int requests;
    private int inFlight;
    private int maxInFlight;

    private ScriptedHttpServer(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests => Volatile.Read(ref requests);

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>What to answer once the script is used up.</summary>
    public ScriptStep Otherwise { get; set; } = new(200);

    public static async Task<ScriptedHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedHttpServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public void Enqueue(params ScriptStep[] steps)
    {
        foreach (var step in steps)
        {
            script.Enqueue(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while ((seen = Volatile.Read(ref maxInFlight)) < now && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var step = script.TryDequeue(out var next) ? next : Otherwise;
            if (step.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(step.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = step.Status;
            if (step.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = step.RetryAfter;
            }

            await context.Response.WriteAsync("{\"status\":" + step.Status + "}");
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
