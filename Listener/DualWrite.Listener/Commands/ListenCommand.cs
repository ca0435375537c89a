using System.CommandLine;
using System.IO;
using System.Linq;
using DualWrite.Listener.Hosting;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite listen</c>: runs the listener (event endpoint, inbox, worker, applier) until Ctrl+C. Configuration
/// comes from appsettings.json and DUALWRITE__* environment variables; extra tokens are configuration overrides,
/// <c>dualwrite listen --DualWrite:Receiving:Urls=http://127.0.0.1:6000</c>. F&amp;O and Dataverse are required.
/// </summary>
internal static class ListenCommand
{
    public const string Description = "Receive F&O change events into the inbox and apply them to Dataverse (F&O and Dataverse must be configured).";

    public static Command Create(TextWriter output)
    {
        var command = new Command("listen", Description)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) => ListenerRun.RunAsync(parseResult.UnmatchedTokens.ToArray(), output, cancellationToken));
        return command;
    }
}
