using System.CommandLine;
using System.IO;
using System.Linq;
using DualWrite.Listener.Hosting;

namespace DualWrite.Listener.Commands;

/// <summary>The <c>dualwrite</c> command tree; each feature adds its command here.</summary>
internal static class DualWriteCommandLine
{
    public static RootCommand Create(TextWriter output)
    {
        var root = new RootCommand("dualwrite: keeps Dynamics 365 F&O and Dataverse tables in sync. With no command: listen.")
        {
            MapsCommand.Create(output),
            ListenCommand.Create(output),
            InitialSyncCommand.Create(output),
            ReconcileCommand.Create(output),
            ErrorsCommand.Create(output),
            ConflictsCommand.Create(output),
        };

        // Configuration overrides (--DualWrite:FinOps:BaseUrl=...) pass through as unmatched tokens.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parseResult, cancellationToken) => ListenerRun.RunAsync(parseResult.UnmatchedTokens.ToArray(), output, cancellationToken));
        return root;
    }
}
