using System.CommandLine;
using System.IO;
using System.Linq;

namespace DualWrite.Listener.Commands;

/// <summary><c>dualwrite maps ...</c>: work on table map files.</summary>
internal static class MapsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("maps", "Work with table map files, and list, start, pause, resume or stop maps.")
        {
            MapsValidateCommand.Create(output),
            MapsPlanCommand.Create(output),
        };
        MapsStateCommands.Create(output).ToList().ForEach(command.Add);
        return command;
    }
}
