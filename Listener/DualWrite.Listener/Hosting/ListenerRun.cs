using System;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.InitialSync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Listener.Hosting;

/// <summary>
/// <c>dualwrite listen</c>: the listener with the applier against the configured F&amp;O and Dataverse, until
/// Ctrl+C. With settings missing or wrong it starts nothing and returns 2, every problem named; with the state
/// store unreachable it returns 3 with the driver's reason.
/// </summary>
public static class ListenerRun
{
    public const int ConfigurationProblemExitCode = 2;

    /// <summary>The state store (PostgreSQL or the SQLite file) could not be opened at start.</summary>
    public const int StateStoreUnavailableExitCode = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        RunningListener listener;
        try
        {
            listener = await RunningListener.StartAsync(args, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ListenerHost.OptionsProblemsOf(ex) is { Count: > 0 } problems)
        {
            await ConfigurationProblemsReport.WriteAsync(output, problems).ConfigureAwait(false);
            return ConfigurationProblemExitCode;
        }
        catch (DbException ex)
        {
            // The driver's message names the host or file and the reason, never the password.
            await output.WriteLineAsync("DualWrite listener: the state store (DualWrite:Inbox) cannot be opened: " + ex.Message).ConfigureAwait(false);
            return StateStoreUnavailableExitCode;
        }

        await using var running = listener;
        await output.WriteLineAsync("DualWrite listener: events at " + listener.EventsUrl + ". Ctrl+C to stop.").ConfigureAwait(false);
        var configuration = listener.Services.GetRequiredService<IConfiguration>();
        if (string.Equals(configuration["DualWrite:InitialSync"], "true", StringComparison.OrdinalIgnoreCase))
        {
            // A service restarting mid-load continues where it stopped.
            var request = InitialSyncRequest.All with { Mode = InitialSyncMode.Resume };
            var report = await listener.Services.GetRequiredService<InitialSyncEngine>().RunAsync(request, null, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("Initial sync (run " + report.RunId + "): " + report.Written + " written, " + report.Skipped + " outside the filters, " + report.Failed + " failed (in the error store).").ConfigureAwait(false);
        }

        await listener.App.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
