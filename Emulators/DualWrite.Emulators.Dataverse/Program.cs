using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;

namespace DualWrite.Emulators.Dataverse;

/// <summary>Starts the Dataverse Web API emulator from the command line (<c>--help</c> lists the options).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var commandLine = new EmulatorCommandLine();
        commandLine.Command.SetAction((result, cancellationToken) => RunAsync(commandLine, result, cancellationToken));
        var parsed = commandLine.Command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Every problem at once and exit code 2, as for invalid values found after parsing.
            return await ReportAsync(commandLine.OptionsOf(parsed).Problems).ConfigureAwait(false);
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(EmulatorCommandLine commandLine, ParseResult result, CancellationToken cancellationToken)
    {
        var (options, problems) = commandLine.OptionsOf(result);
        if (problems.Count > 0)
        {
            return await ReportAsync(problems).ConfigureAwait(false);
        }

        if (commandLine.CommandLineSecretWarning(result) is { } warning)
        {
            await Console.Error.WriteLineAsync(warning).ConfigureAwait(false);
        }

        await using var emulator = await DataverseEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Dataverse Web API emulator: {emulator.ServiceRoot} ({emulator.SeedReport.Records} seed records in {emulator.SeedReport.Elapsed.TotalSeconds:0.0} s, {emulator.Engine.Metadata.Tables.Count} tables)");
        Console.WriteLine($"Token: POST {emulator.TokenEndpointFor()} (client_credentials; any client id/secret unless --client is given). Ctrl+C stops.");
        await emulator.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ReportAsync(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync(EmulatorCommandLine.Usage).ConfigureAwait(false);
        return 2;
    }
}
