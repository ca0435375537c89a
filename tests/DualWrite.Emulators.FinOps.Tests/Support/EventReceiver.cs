using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.FinOps.Tests.Support;

/// <summary>
/// A real HTTP endpoint on loopback that receives business events, as a listener would: it records
/// each delivery with its headers and can be told to fail the next N deliveries with 500.
/// </summary>
internal sealed class EventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedEvent> _received = new();
    private int _failNext;
    private int _attempts;

    private EventReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IReadOnlyList<ReceivedEvent> Received => _received.ToList();

    /// <summary>Every POST that reached the receiver, failed or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>Runs for each accepted event before the receiver answers (a listener reading the record back).</summary>
    public Func<FinOpsChangeEvent, Task>? OnEvent { get; set; }

    public static async Task<EventReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        EventReceiver? receiver = null;
        app.MapPost("/events", async (HttpContext context) =>
        {
            Interlocked.Increment(ref receiver!._attempts);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref receiver._failNext) >= 0)
            {
                return Results.StatusCode(500);
            }

            Interlocked.Exchange(ref receiver._failNext, 0);
            Assert.True(FinOpsChangeEventJson.TryParse(body, out var changeEvent, out var errors), string.Join(" ", errors));
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            if (receiver.OnEvent is { } onEvent)
            {
                await onEvent(changeEvent!);
            }

            receiver._received.Enqueue(new ReceivedEvent(changeEvent!, body, headers));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new EventReceiver(app, new Uri(address.TrimEnd('/') + "/events"));
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> events arrived (fails the test after 10 s).</summary>
    public async Task<IReadOnlyList<ReceivedEvent>> WaitForAsync(int count)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (_received.Count < count)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "Expected " + count + " events, received " + _received.Count + ".");
            await Task.Delay(10);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
