using System.CommandLine;
using System.Linq;
using DualWrite.Listener.Embedded;
using DualWrite.Listener.Hosting;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite listen</c>: runs the listener (event endpoint, inbox, worker) until Ctrl+C. Configuration comes
/// from appsettings.json and DUALWRITE__* environment variables; extra tokens are configuration overrides,
/// <c>dualwrite listen --DualWrite:Receiving:Urls=http://127.0.0.1:6000</c>.
/// </summary>
internal static class ListenCommand
{
    public static Command Create()
    {
        var command = new Command("listen", "Receive F&O change events into the inbox and apply them to Dataverse.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        // With F&O and Dataverse configured, events are applied to Dataverse; without, the default applier only logs.
        command.SetAction((parseResult, cancellationToken) =>
        {
            var args = parseResult.UnmatchedTokens.ToArray();
            return EmbeddedRun.TargetsConfigured(args)
                ? EmbeddedRun.RunConfiguredAsync(args, System.Console.Out, cancellationToken)
                : ListenerHost.RunAsync(args, cancellationToken);
        });
        return command;
    }
}
