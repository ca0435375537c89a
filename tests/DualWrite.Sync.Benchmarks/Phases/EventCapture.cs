using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// A business-event endpoint that only keeps what F&amp;O posts, so a burst can be handed to the listener all at once:
/// the F&amp;O emulator delivers one event per request, one at a time, which would measure its delivery, not our apply.
/// </summary>
public sealed class EventCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _events = new();

    private EventCapture(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int Count => _events.Count;

    public IReadOnlyList<string> Events => _events.ToList();

    public static async Task<EventCapture> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        EventCapture? capture = null;
        app.MapPost("/capture", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            capture!._events.Enqueue(await reader.ReadToEndAsync().ConfigureAwait(false));
            return Results.Ok();
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        capture = new EventCapture(app, new Uri(address.TrimEnd('/') + "/capture"));
        return capture;
    }

    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Count:N0} of {count:N0} events arrived from F&O within {timeout}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    public void Clear() => _events.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
