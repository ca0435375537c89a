using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Tests.Admin;

/// <summary>A Kestrel app with the real admin group and whatever endpoints a test maps on it.</summary>
public sealed class AdminTestApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private AdminTestApp(WebApplication app)
    {
        this.app = app;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<AdminTestApp> StartAsync(
        string? apiKey,
        Action<RouteGroupBuilder> endpoints,
        Action<IServiceCollection>? services = null,
        string urls = "http://127.0.0.1:0",
        ILoggerProvider? logs = null,
        IDictionary<string, string?>? settings = null,
        Action<WebApplication>? configureApp = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var all = new Dictionary<string, string?> { ["DualWrite:Admin:ApiKey"] = apiKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Services.AddAdminApi(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        endpoints(app.MapAdminGroup());
        configureApp?.Invoke(app);
        await app.StartAsync();
        return new AdminTestApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
