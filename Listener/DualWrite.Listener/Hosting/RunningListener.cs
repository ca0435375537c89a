using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.Syncing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Hosting;

/// <summary>A started listener host with the sync services (applier, clients): its app and event URL.</summary>
public sealed class RunningListener : IAsyncDisposable
{
    private RunningListener(WebApplication app, Uri eventsUrl)
    {
        App = app;
        EventsUrl = eventsUrl;
    }

    public WebApplication App { get; }

    /// <summary>Where F&amp;O posts events (the bound address: a port of 0 is resolved).</summary>
    public Uri EventsUrl { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Builds and starts the listener with the applier. <paramref name="configure"/> runs after the sync services
    /// are added, so a test's handlers (<c>AddHttpClient(ServiceTarget.Dataverse).AddHttpMessageHandler</c>) sit in
    /// front of the network, behind resilience and the token.
    /// </summary>
    public static async Task<RunningListener> StartAsync(IReadOnlyList<string> args, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var app = ListenerHost.Build(args.ToArray(), builder =>
        {
            builder.Services.AddDualWriteSync(builder.Configuration);
            configure?.Invoke(builder);
        });
        try
        {
            // Validate before starting: the host would log a failed start with a stack trace; the caller names the problems.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var receiving = app.Configuration.GetSection(ReceivingOptions.SectionName).Get<ReceivingOptions>() ?? new ReceivingOptions();
        var address = new Uri(app.Urls.First());
        var path = receiving.Path.StartsWith('/') ? receiving.Path : "/" + receiving.Path;
        return new RunningListener(app, new Uri(address, path));
    }

    /// <summary>Stops the host (the worker returns unfinished work to the inbox) and disposes it.</summary>
    public async Task StopAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync().ConfigureAwait(false);
}
