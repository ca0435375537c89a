using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Common.CommandLine;
using DualWrite.Emulators.Dataverse.Auth;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.Dataverse.Throttling;

namespace DualWrite.Emulators.Dataverse.Hosting;

/// <summary>
/// Command line of the emulator executable on System.CommandLine, all problems reported at once. The options both
/// emulators have (--port, --seed, --customers, --random-seed, --client, --quiet) come from
/// <see cref="EmulatorCommandLineOptions"/>; the Dataverse ones are --solution DIR, --plugins DLL (repeatable),
/// --metadata FILE, --secure-config JSON|@FILE, --step-setting NAME=VALUE (repeatable), --no-auth, --service-protection with --max-requests, --max-execution-seconds, --max-concurrent, --window-seconds.
/// </summary>
public sealed class EmulatorCommandLine
{
    public const int DefaultPort = 5200;

    public const string Usage =
        "dotnet run --project Emulators/DualWrite.Emulators.Dataverse -- [--port 5200] [--seed none|small] [--customers N]\n" +
        "    [--solution solution --plugins Plugins/DualWrite.Plugins/bin/Debug/net10.0/DualWrite.Plugins.dll]\n" +
        "    [--secure-config '{\"tenantId\":\"t\",\"clientId\":\"c\",\"clientSecret\":\"s\",\"authority\":\"http://127.0.0.1:5300/\"}']\n" +
        "    [--step-setting finOpsBaseUrl=http://127.0.0.1:5300/ --step-setting allowEmulatorUrls=true]\n" +
        "    [--metadata dataverse.xml] [--client id:secret] [--no-auth] [--service-protection [--max-requests 6000] [--max-execution-seconds 1200] [--max-concurrent 52]]\n" +
        "    [--latency-per-request MS] [--latency-per-record MS] [--quiet]   (--help lists all)";

    private readonly EmulatorCommandLineOptions _shared = new(DefaultPort);

    /// <summary>A warning when --client put secrets on the command line; null otherwise.</summary>
    public string? CommandLineSecretWarning(ParseResult result) => _shared.CommandLineSecretWarning(result);

    private readonly Option<string?> _solution = new("--solution") { Description = "A solution folder (SolutionPackager layout) whose steps run in the pipeline." };

    private readonly Option<string[]> _plugins = new("--plugins") { Description = "A plug-in assembly the solution's steps name (repeatable)." };

    private readonly Option<string?> _metadata = new("--metadata") { Description = "A CSDL file to serve instead of the built-in schema." };

    private readonly Option<string?> _secureConfig = new("--secure-config") { Description = "Secure configuration for every step: JSON, or @FILE." };

    private readonly Option<string[]> _stepSettings = new("--step-setting") { Description = "An unsecure step setting NAME=VALUE; VALUE is JSON when it parses (repeatable).", HelpName = "NAME=VALUE" };

    private readonly Option<bool> _noAuth = new("--no-auth") { Description = "Accept requests without a bearer token." };

    private readonly Option<bool> _serviceProtection = new("--service-protection") { Description = "Enforce Dataverse's service protection limits per user (429 with Retry-After): 6,000 requests and 1,200 s execution time per 5 minutes, 52 concurrent." };

    private readonly Option<int?> _maxRequests = new("--max-requests") { Description = "With --service-protection: requests per window per user (default 6000).", HelpName = "N" };

    private readonly Option<double?> _maxExecutionSeconds = new("--max-execution-seconds") { Description = "With --service-protection: combined execution time per window per user, seconds (default 1200).", HelpName = "S" };

    private readonly Option<int?> _maxConcurrent = new("--max-concurrent") { Description = "With --service-protection: concurrent requests per user (default 52).", HelpName = "N" };

    private readonly Option<double?> _windowSeconds = new("--window-seconds") { Description = "With --service-protection: the sliding window, seconds (default 300).", HelpName = "S" };

    public EmulatorCommandLine()
    {
        Command = _shared.CreateRootCommand("The Dataverse Web API emulator on loopback.");
        Command.Options.Add(_solution);
        Command.Options.Add(_plugins);
        Command.Options.Add(_metadata);
        Command.Options.Add(_secureConfig);
        Command.Options.Add(_stepSettings);
        Command.Options.Add(_noAuth);
        Command.Options.Add(_serviceProtection);
        Command.Options.Add(_maxRequests);
        Command.Options.Add(_maxExecutionSeconds);
        Command.Options.Add(_maxConcurrent);
        Command.Options.Add(_windowSeconds);
    }

    /// <summary>The root command (for --help and for setting its action).</summary>
    public RootCommand Command { get; }

    public static (DataverseEmulatorOptions Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var commandLine = new EmulatorCommandLine();
        return commandLine.OptionsOf(commandLine.Command.Parse(args));
    }

    public (DataverseEmulatorOptions Options, IReadOnlyList<string> Problems) OptionsOf(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = EmulatorCommandLineOptions.ProblemsOf(result);
        var options = new DataverseEmulatorOptions
        {
            Port = EmulatorCommandLineOptions.ValueOr(result, _shared.Port, DefaultPort),
            LogToConsole = !EmulatorCommandLineOptions.ValueOr(result, _shared.Quiet, false),
            SolutionFolder = result.GetValue(_solution),
            MetadataPath = result.GetValue(_metadata),
            RequireAuthentication = !EmulatorCommandLineOptions.ValueOr(result, _noAuth, false),
        };

        var seed = _shared.SeedsData(result, problems) ? DataverseSeedOptions.Small : DataverseSeedOptions.None;
        var customers = EmulatorCommandLineOptions.ValueOr(result, _shared.Customers, null);
        if (customers is { } accounts)
        {
            // Dataverse's customers are accounts: the volume set is the reference data and N accounts.
            seed = DataverseSeedOptions.Large(accounts);
        }

        if (EmulatorCommandLineOptions.ValueOr(result, _shared.RandomSeed, null) is { } randomSeed)
        {
            seed = seed with { RandomSeed = randomSeed };
        }

        options.Seed = seed;
        foreach (var (clientId, clientSecret) in _shared.ClientsOf(result, problems))
        {
            options.Clients.Add(new DataverseClientCredential(clientId, clientSecret));
        }

        foreach (var assembly in result.GetValue(_plugins) ?? [])
        {
            options.Steps.PluginAssemblies.Add(assembly);
        }

        if (result.GetValue(_secureConfig) is { } secure)
        {
            options.Steps.SecureConfigurations["*"] = secure.StartsWith('@') ? File.ReadAllText(secure[1..]) : secure;
        }

        foreach (var setting in result.GetValue(_stepSettings) ?? [])
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"--step-setting '{setting}' must be NAME=VALUE.");
                continue;
            }

            options.Steps.UnsecureSettings[setting[..equals]] = ParseSettingValue(setting[(equals + 1)..]);
        }

        options.Latency = _shared.LatencyOf(result, problems);
        options.ServiceProtection = ServiceProtectionOf(result, problems);

        problems.AddRange(options.Validate());
        return (options, problems);
    }

    /// <summary>--service-protection with the service's defaults, each limit overridable; a limit without --service-protection is a problem (it would do nothing).</summary>
    private ServiceProtectionOptions ServiceProtectionOf(ParseResult result, List<string> problems)
    {
        var enabled = EmulatorCommandLineOptions.ValueOr(result, _serviceProtection, false);
        var maxRequests = EmulatorCommandLineOptions.ValueOr(result, _maxRequests, null);
        var maxExecution = EmulatorCommandLineOptions.ValueOr(result, _maxExecutionSeconds, null);
        var maxConcurrent = EmulatorCommandLineOptions.ValueOr(result, _maxConcurrent, null);
        var window = EmulatorCommandLineOptions.ValueOr(result, _windowSeconds, null);
        var protection = new ServiceProtectionOptions { Enabled = enabled };
        if (!enabled)
        {
            if (maxRequests is not null || maxExecution is not null || maxConcurrent is not null || window is not null)
            {
                problems.Add("--max-requests, --max-execution-seconds, --max-concurrent and --window-seconds need --service-protection.");
            }

            return protection;
        }

        if (maxRequests is <= 0 || maxExecution is <= 0 || maxConcurrent is <= 0 || window is <= 0)
        {
            problems.Add("--max-requests, --max-execution-seconds, --max-concurrent and --window-seconds must be positive.");
            return protection;
        }

        return protection with
        {
            MaxRequests = maxRequests ?? protection.MaxRequests,
            MaxExecutionTime = maxExecution is { } seconds ? TimeSpan.FromSeconds(seconds) : protection.MaxExecutionTime,
            MaxConcurrentRequests = maxConcurrent ?? protection.MaxConcurrentRequests,
            Window = window is { } windowSeconds ? TimeSpan.FromSeconds(windowSeconds) : protection.Window,
        };
    }

    /// <summary>JSON when the value parses as JSON (true, 15, "x", {...}), else the text as a string.</summary>
    private static JsonNode? ParseSettingValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
