using System.CommandLine;
using System.IO;

namespace DualWrite.Listener.Commands;

/// <summary><c>dualwrite maps ...</c>: work on table map files.</summary>
internal static class MapsCommand
{
    public static Command Create(TextWriter output) =>
        new("maps", "Work with table map files.")
        {
            MapsValidateCommand.Create(output),
            MapsPlanCommand.Create(output),
        };
}
