using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Dataverse.Auth;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Hosting;

/// <summary>
/// Command line options of the emulator executable, all problems reported at once:
/// --port N, --seed none|small|accounts:N, --solution DIR, --plugins DLL (repeatable), --metadata FILE,
/// --secure-config JSON|@FILE, --step-setting NAME=VALUE (repeatable), --client ID:SECRET (repeatable),
/// --no-auth, --service-protection, --quiet.
/// </summary>
public static class EmulatorCommandLine
{
    public const string Usage =
        "dotnet run --project Emulators/DualWrite.Emulators.Dataverse -- [--port 5200] [--seed none|small|accounts:N]\n" +
        "    [--solution solution --plugins Plugins/DualWrite.Plugins/bin/Debug/net10.0/DualWrite.Plugins.dll]\n" +
        "    [--secure-config '{\"tenantId\":\"t\",\"clientId\":\"c\",\"clientSecret\":\"s\",\"authority\":\"http://127.0.0.1:5300/\"}']\n" +
        "    [--step-setting fnoBaseUrl=http://127.0.0.1:5300/ --step-setting allowEmulatorUrls=true]\n" +
        "    [--metadata dataverse.xml] [--client id:secret] [--no-auth] [--service-protection] [--quiet]";

    public static (DataverseEmulatorOptions Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DataverseEmulatorOptions { Port = 5200, LogToConsole = true };
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 < args.Count)
                {
                    return args[++i];
                }

                problems.Add($"{name} needs a value.");
                return string.Empty;
            }

            switch (name)
            {
                case "--port":
                    var port = Value();
                    if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                    {
                        problems.Add($"--port '{port}' is not a number.");
                    }

                    options.Port = p;
                    break;
                case "--seed":
                    options.Seed = ParseSeed(Value(), problems);
                    break;
                case "--solution":
                    options.SolutionFolder = Value();
                    break;
                case "--plugins":
                    options.Steps.PluginAssemblies.Add(Value());
                    break;
                case "--metadata":
                    options.MetadataPath = Value();
                    break;
                case "--secure-config":
                    var secure = Value();
                    options.Steps.SecureConfigurations["*"] = secure.StartsWith('@') ? File.ReadAllText(secure[1..]) : secure;
                    break;
                case "--step-setting":
                    var setting = Value();
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        problems.Add($"--step-setting '{setting}' must be NAME=VALUE.");
                        break;
                    }

                    options.Steps.UnsecureSettings[setting[..equals]] = ParseSettingValue(setting[(equals + 1)..]);
                    break;
                case "--client":
                    var client = Value();
                    var colon = client.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0)
                    {
                        problems.Add($"--client '{client}' must be ID:SECRET.");
                        break;
                    }

                    options.Clients.Add(new DataverseClientCredential(client[..colon], client[(colon + 1)..]));
                    break;
                case "--no-auth":
                    options.RequireAuthentication = false;
                    break;
                case "--service-protection":
                    options.ServiceProtection = options.ServiceProtection with { Enabled = true };
                    break;
                case "--quiet":
                    options.LogToConsole = false;
                    break;
                default:
                    problems.Add($"Unknown option '{name}'.");
                    break;
            }
        }

        problems.AddRange(options.Validate());
        return (options, problems);
    }

    private static DataverseSeedOptions ParseSeed(string text, List<string> problems)
    {
        if (text == "none")
        {
            return DataverseSeedOptions.None;
        }

        if (text == "small")
        {
            return DataverseSeedOptions.Small;
        }

        if (text.StartsWith("accounts:", StringComparison.Ordinal) && int.TryParse(text["accounts:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var accounts))
        {
            return DataverseSeedOptions.Large(accounts);
        }

        problems.Add($"--seed '{text}' is not none, small or accounts:N.");
        return DataverseSeedOptions.Small;
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
