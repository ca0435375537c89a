using System.CommandLine;
using System.IO;

namespace DualWrite.Listener.Commands;

/// <summary><c>dualwrite solution ...</c>: the Dataverse solution that registers the write-through plug-in.</summary>
internal static class SolutionCommand
{
    public static Command Create(TextWriter output) =>
        new("solution", "The Dataverse solution of the write-through plug-in (solution/).")
        {
            SolutionGenerateCommand.Create(output),
        };
}
