using System;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;

namespace DualWrite.Emulators.Dataverse;

/// <summary>Starts the Dataverse Web API emulator from the command line (see <see cref="EmulatorCommandLine.Usage"/>).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (options, problems) = EmulatorCommandLine.Parse(args);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(EmulatorCommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        await using var emulator = await DataverseEmulator.StartAsync(options).ConfigureAwait(false);
        Console.WriteLine($"Dataverse Web API emulator: {emulator.ServiceRoot} ({emulator.SeedReport.Records} seed records in {emulator.SeedReport.Elapsed.TotalSeconds:0.0} s, {emulator.Engine.Metadata.Tables.Count} tables)");
        Console.WriteLine($"Token: POST {emulator.TokenEndpointFor()} (client_credentials; any client id/secret unless --client is given). Ctrl+C stops.");
        await emulator.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
