using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Tests.Support;

/// <summary>A real listener (Kestrel on a free loopback port, the inbox, the worker) with short test timings.</summary>
public sealed class ListenerTestHost : IAsyncDisposable
{
    public const string Secret = "test-shared-secret";
    public const string HmacKey = "test-hmac-key";

    private readonly WebApplication app;
    private bool stopped;

    private ListenerTestHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public IEventInbox Store => app.Services.GetRequiredService<IEventInbox>();

    public DualWrite.Listener.ErrorQueue.IErrorQueue ErrorQueue => app.Services.GetRequiredService<DualWrite.Listener.ErrorQueue.IErrorQueue>();

    public InboxWorker Worker => app.Services.GetRequiredService<InboxWorker>();

    /// <summary>Settings every test host starts from; <paramref name="settings"/> override them.</summary>
    public static Dictionary<string, string?> DefaultSettings(string dataDirectory) => new()
    {
        ["DualWrite:Receiving:Urls"] = "http://127.0.0.1:0",
        ["DualWrite:Receiving:SharedSecret"] = Secret,
        ["DualWrite:Receiving:HmacKey"] = HmacKey,
        ["DualWrite:Inbox:DataDirectory"] = dataDirectory,
        ["DualWrite:Processing:MaxDegreeOfParallelism"] = "8",
        ["DualWrite:Processing:LeaseDuration"] = "00:00:05",
        ["DualWrite:Processing:ApplyTimeout"] = "00:00:03",
        ["DualWrite:Processing:InitialRetryDelay"] = "00:00:00.050",
        ["DualWrite:Processing:MaxRetryDelay"] = "00:00:00.200",
        ["DualWrite:Processing:ParkedRecheckInterval"] = "00:01:00",
        ["DualWrite:Processing:IdleRecheckInterval"] = "00:00:00.250",
        ["DualWrite:Processing:StoreFailureDelay"] = "00:00:00.100",
    };

    public static async Task<ListenerTestHost> StartAsync(
        string dataDirectory,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var app = Build(dataDirectory, settings, services);
        await app.StartAsync();
        var address = app.Urls.First();
        return new ListenerTestHost(app, new Uri(address));
    }

    /// <summary>Builds without starting (to test what starting does).</summary>
    public static WebApplication Build(string dataDirectory, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = DefaultSettings(dataDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return ListenerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(all);
            builder.Logging.ClearProviders();
            services?.Invoke(builder.Services);

            // The product's applier needs F&O and Dataverse; these tests only receive and process.
            builder.Services.TryAddSingleton<IChangeApplier, RecordingApplier>();
        });
    }

    public Task<HttpResponseMessage> PostAsync(FinOpsChangeEvent changeEvent) => PostAsync(TestEvents.Json(changeEvent));

    /// <summary>Posts <paramref name="body"/> signed with <paramref name="key"/> at <paramref name="signedAt"/> (default now).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string body, string key = HmacKey, DateTimeOffset? signedAt = null)
    {
        var timestamp = DualWrite.Listener.Receiving.EventSignature.FormatTimestamp(signedAt ?? DateTimeOffset.UtcNow);
        return PostAsync(body, secret: null, DualWrite.Listener.Receiving.EventSignature.Compute(key, timestamp, Encoding.UTF8.GetBytes(body)), timestamp);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret, string? signature = null, string? timestamp = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
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

        return Client.SendAsync(request);
    }

    /// <summary>Graceful stop: the worker returns what it holds.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        await app.DisposeAsync();
    }
}
