using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Dashboard;
using DualWrite.Listener.Monitoring;
using DualWrite.Listener.Alerts;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Hosting;

/// <summary>
/// Builds the listener: Kestrel with the event endpoint, the inbox and the worker. Configuration comes from
/// appsettings.json, environment variables (<c>DUALWRITE__INBOX__POSTGRESCONNECTIONSTRING</c>) and
/// command-line arguments (<c>--DualWrite:Receiving:Urls=http://127.0.0.1:6000</c>), in that order.
/// </summary>
public static class ListenerHost
{
    /// <param name="args">Configuration arguments.</param>
    /// <param name="configure">Runs before the listener's services are added: extra configuration, a replacement applier or store.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddSecrets();
        configure?.Invoke(builder);
        builder.Services.AddDualWriteListener(builder.Configuration);
        builder.Services.AddAdminApi(builder.Configuration);

        // Read unvalidated here; ValidateOnStart reports every problem when the host starts.
        var receiving = builder.Configuration.GetSection(ReceivingOptions.SectionName).Get<ReceivingOptions>() ?? new ReceivingOptions();
        var urls = (receiving.Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length > 0)
        {
            builder.WebHost.UseUrls(urls);
        }

        var app = builder.Build();
        app.WarnAboutCommandLineSecrets(args);
        var path = string.IsNullOrEmpty(receiving.Path) || receiving.Path[0] != '/' ? "/" + receiving.Path : receiving.Path;
        app.MapPost(path, (HttpContext context, EventReceiver receiver) => receiver.ReceiveAsync(context));

        // The admin API: one authenticated group, each feature's endpoints on it.
        var api = app.MapAdminGroup();
        api.MapErrorEndpoints();
        api.MapConflictEndpoints();
        api.MapMapStateEndpoints();
        api.MapAlertEndpoints();
        api.MapMonitorEndpoints();
        app.MapMonitoring();
        app.MapDashboard();
        return app;
    }

    /// <summary>Every options failure inside <paramref name="exception"/> (one section or several).</summary>
    public static IReadOnlyList<string> OptionsProblemsOf(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures.ToList(),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(OptionsProblemsOf).ToList(),
        _ => [],
    };
}
