using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Common.Latency;

namespace DualWrite.Emulators.Common.CommandLine;

/// <summary>
/// The options both emulator executables understand, defined once so the same thing has the same name on both
/// (--port, --seed, --customers, --random-seed, --client, --quiet, --latency-per-request, --latency-per-record). Each emulator adds its own options to the
/// command <see cref="CreateRootCommand"/> returns and turns the values into its options type.
/// </summary>
public sealed class EmulatorCommandLineOptions
{
    public EmulatorCommandLineOptions(int defaultPort)
    {
        Port = new Option<int>("--port")
        {
            Description = $"Port on 127.0.0.1 (0: any free port). Default {defaultPort}.",
            DefaultValueFactory = _ => defaultPort,
        };
    }

    public Option<int> Port { get; }

    // A string rather than AcceptOnlyFromAmong so the message names the option, like every other problem.
    public Option<string> Seed { get; } = new("--seed")
    {
        Description = "none: an empty store; small: reference data and a small generated set. Default small.",
        DefaultValueFactory = _ => "small",
    };

    public Option<int?> Customers { get; } = new("--customers")
    {
        Description = "Generate N customers (Dataverse: accounts) for volume runs.",
    };

    public Option<int?> RandomSeed { get; } = new("--random-seed")
    {
        Description = "Another deterministic data set: the same number always gives the same rows.",
    };

    /// <summary>The environment variable that lists token clients as <c>ID:SECRET;ID:SECRET</c>, off the command line.</summary>
    public const string ClientsVariable = "DUALWRITE_EMULATOR_CLIENTS";

    public Option<string[]> Clients { get; } = new("--client")
    {
        Description = $"An application that may get tokens, as ID:SECRET (repeatable). Visible to every user in the process list: prefer {ClientsVariable} or --clients-file. Default {DefaultEmulatorClient.ClientId}:{DefaultEmulatorClient.ClientSecret}.",
        HelpName = "ID:SECRET",
    };

    public Option<string?> ClientsFile { get; } = new("--clients-file")
    {
        Description = $"A file of applications that may get tokens, one ID:SECRET per line (also {ClientsVariable}=ID:SECRET;ID:SECRET).",
        HelpName = "PATH",
    };

    public Option<bool> Quiet { get; } = new("--quiet")
    {
        Description = "Do not log requests to the console.",
    };

    public Option<double?> LatencyPerRequest { get; } = new("--latency-per-request")
    {
        Description = "Simulated service latency: milliseconds added to every request (async, holds no thread). Default 0.",
        HelpName = "MS",
    };

    public Option<double?> LatencyPerRecord { get; } = new("--latency-per-record")
    {
        Description = "Simulated service latency: milliseconds added per record a request writes (bulk actions and $batch count each record). Default 0.",
        HelpName = "MS",
    };

    /// <summary>A root command carrying the shared options; <c>--help</c> comes with it.</summary>
    public RootCommand CreateRootCommand(string description)
    {
        var root = new RootCommand(description);
        root.Options.Add(Port);
        root.Options.Add(Seed);
        root.Options.Add(Customers);
        root.Options.Add(RandomSeed);
        root.Options.Add(Clients);
        root.Options.Add(ClientsFile);
        root.Options.Add(Quiet);
        root.Options.Add(LatencyPerRequest);
        root.Options.Add(LatencyPerRecord);
        return root;
    }

    /// <summary>
    /// The value, or <paramref name="fallback"/> when the parser already reported it as malformed (GetValue throws
    /// then), so the remaining options can still be checked and every problem reported at once.
    /// </summary>
    public static T ValueOr<T>(ParseResult result, Option<T> option, T fallback)
    {
        ArgumentNullException.ThrowIfNull(result);
        var optionResult = result.GetResult(option);
        if (optionResult is not null && optionResult.Errors.Any())
        {
            return fallback;
        }

        try
        {
            return result.GetValue(option)!;
        }
        catch (InvalidOperationException)
        {
            return fallback;
        }
    }

    /// <summary>True for "small", false for "none"; anything else is a problem that names the option.</summary>
    public bool SeedsData(ParseResult result, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(problems);
        var seed = result.GetValue(Seed);
        switch (seed)
        {
            case "none":
                return false;
            case "small":
                return true;
            default:
                problems.Add($"--seed '{seed}' is not none or small (use --customers N for large sets).");
                return true;
        }
    }

    /// <summary>The latency profile of --latency-per-request and --latency-per-record (off when neither is given); negative values are reported.</summary>
    public LatencyProfile LatencyOf(ParseResult result, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(problems);
        var perRequest = ValueOr(result, LatencyPerRequest, null) ?? 0;
        var perRecord = ValueOr(result, LatencyPerRecord, null) ?? 0;
        if (perRequest < 0 || perRecord < 0)
        {
            problems.Add("--latency-per-request and --latency-per-record must not be negative.");
            return LatencyProfile.None;
        }

        return LatencyProfile.FromMilliseconds(perRequest, perRecord);
    }

    /// <summary>
    /// The token clients as id and secret pairs, from --client, --clients-file and <see cref="ClientsVariable"/>; malformed
    /// ones are reported by position, never by value (the value is a secret).
    /// </summary>
    public IReadOnlyList<(string ClientId, string ClientSecret)> ClientsOf(ParseResult result, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(problems);
        var clients = new List<(string, string)>();
        Add(result.GetValue(Clients) ?? [], "--client", clients, problems);
        if (ValueOr(result, ClientsFile, null) is { } file)
        {
            try
            {
                Add(System.IO.File.ReadAllLines(file).Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#')), "--clients-file line", clients, problems);
            }
            catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
            {
                problems.Add("--clients-file '" + file + "' cannot be read: " + ex.Message);
            }
        }

        if (Environment.GetEnvironmentVariable(ClientsVariable) is { Length: > 0 } variable)
        {
            Add(variable.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ClientsVariable + " entry", clients, problems);
        }

        return clients;
    }

    /// <summary>A warning to print when --client carried secrets on the command line; null when it did not.</summary>
    public string? CommandLineSecretWarning(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (result.GetValue(Clients) ?? []).Length == 0
            ? null
            : "Warning: --client ID:SECRET puts the secret in the process list, readable by every user of this machine; use " + ClientsVariable
                + "=ID:SECRET or --clients-file PATH (chmod 600) instead.";
    }

    private static void Add(IEnumerable<string> entries, string source, List<(string, string)> clients, ICollection<string> problems)
    {
        var position = 0;
        foreach (var entry in entries)
        {
            position++;
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entry.Length - 1)
            {
                problems.Add(source + " #" + position + " must be ID:SECRET (an id, a colon, a non-empty secret).");
                continue;
            }

            clients.Add((entry[..colon].Trim(), entry[(colon + 1)..]));
        }
    }

    /// <summary>The parser's own problems (unknown options, values of the wrong type), as messages.</summary>
    public static List<string> ProblemsOf(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = new List<string>();
        foreach (var error in result.Errors)
        {
            problems.Add(error.Message);
        }

        return problems;
    }
}
