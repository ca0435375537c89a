using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Syncing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace DualWrite.Listener.Commands;

/// <summary>
/// The listener's services for a command that runs once (initial-sync, reconcile): built without starting the event
/// endpoint or the worker (a running listener may hold the port) and validated as <c>listen</c> validates, except the
/// endpoint's own settings. Logs go to stderr so a summary or JSON on stdout stays clean; on a terminal only warnings
/// are logged, because a live display takes their place.
/// </summary>
internal static class OneShotHost
{
    /// <summary>True when <paramref name="output"/> is an interactive console and no JSON is asked for.</summary>
    public static bool IsTerminal(bool json, TextWriter output) =>
        !json && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>The built application, or null and the configuration's problems.</summary>
    public static (WebApplication? App, IReadOnlyList<string> Problems) Build(string[] args, bool terminal)
    {
        WebApplication app;
        try
        {
            app = ListenerHost.Build(args, builder =>
            {
                builder.Services.AddDualWriteSync(builder.Configuration);
                builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
                if (terminal)
                {
                    builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                }
            });
        }
        catch (Exception ex) when (ListenerHost.OptionsProblemsOf(ex) is { Count: > 0 } problems)
        {
            return (null, problems.ToArray());
        }

        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex) when (ListenerHost.OptionsProblemsOf(ex) is { Count: > 0 } problems)
        {
            var relevant = problems.Where(p => !p.StartsWith("DualWrite:Receiving", StringComparison.Ordinal)).ToArray();
            if (relevant.Length > 0)
            {
                ((IDisposable)app).Dispose();
                return (null, relevant);
            }
        }

        return (app, Array.Empty<string>());
    }
}
