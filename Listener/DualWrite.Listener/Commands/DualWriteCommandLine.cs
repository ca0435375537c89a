using System.CommandLine;
using System.IO;

namespace DualWrite.Listener.Commands;

/// <summary>The <c>dualwrite</c> command tree; each feature adds its command here.</summary>
internal static class DualWriteCommandLine
{
    public static RootCommand Create(TextWriter output) =>
        new("dualwrite: keeps Dynamics 365 F&O and Dataverse tables in sync.")
        {
            MapsCommand.Create(output),
            ListenCommand.Create(),
            SolutionCommand.Create(output),
        };
}
