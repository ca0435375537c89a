using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using DualWrite.Emulators.Dataverse.Pipeline;

namespace DualWrite.Emulators.Dataverse.Solution;

/// <summary>
/// Reads plug-in steps from a solution in SolutionPackager's unpacked layout
/// (SdkMessageProcessingSteps/{guid}.xml: message id, primary entity, stage, mode, rank, filtering attributes,
/// images, unsecure configuration) and resolves their plug-in types in the given assemblies. Assemblies load into
/// the default load context, so Microsoft.Xrm.Sdk is the host's and IPlugin is the same type on both sides.
/// </summary>
public static class SolutionStepLoader
{
    // SdkMessage ids are the same in every organization.
    private static readonly Dictionary<Guid, string> MessageNames = new()
    {
        [Guid.Parse("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
        [Guid.Parse("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
        [Guid.Parse("c2c5bb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
    };

    public static IReadOnlyList<StepRegistration> Load(string solutionFolder, SolutionStepOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(solutionFolder);
        ArgumentNullException.ThrowIfNull(options);
        var stepsFolder = Path.Combine(solutionFolder, "SdkMessageProcessingSteps");
        if (!Directory.Exists(stepsFolder))
        {
            throw new DirectoryNotFoundException($"'{solutionFolder}' has no SdkMessageProcessingSteps folder; is it a solution in SolutionPackager's unpacked layout?");
        }

        var assemblies = options.PluginAssemblies.Select(LoadAssembly).ToList();
        var steps = new List<StepRegistration>();
        var problems = new List<string>();
        var files = Directory.GetFiles(stepsFolder, "*.xml");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                if (ReadStep(file, assemblies, options) is { } step)
                {
                    steps.Add(step);
                }
            }
            catch (InvalidDataException ex)
            {
                problems.Add(Path.GetFileName(file) + ": " + ex.Message);
            }
        }

        return problems.Count == 0 ? steps : throw new InvalidDataException("The solution's steps cannot be registered:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private static StepRegistration? ReadStep(string file, List<Assembly> assemblies, SolutionStepOptions options)
    {
        var root = XDocument.Load(file).Root ?? throw new InvalidDataException("empty document");
        if (Int(root, "StateCode", 0) != 0)
        {
            return null; // a disabled step
        }

        var id = Guid.TryParse((string?)root.Attribute("SdkMessageProcessingStepId"), out var stepId) ? stepId : Guid.NewGuid();
        var messageId = Guid.TryParse(Text(root, "SdkMessageId"), out var m) ? m : Guid.Empty;
        var message = MessageNames.TryGetValue(messageId, out var name) ? name : throw new InvalidDataException($"SdkMessageId '{messageId}' is not a message the emulator knows (Create, Update, Delete).");
        var typeName = (Text(root, "PluginTypeName") ?? throw new InvalidDataException("no PluginTypeName")).Split(',')[0].Trim();
        var type = assemblies.Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null)
            ?? throw new InvalidDataException($"plug-in type '{typeName}' is in none of the plug-in assemblies given ({string.Join(", ", options.PluginAssemblies)}).");
        var images = root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
            .Select(i => new StepImage(
                Text(i, "EntityAlias") ?? (string?)i.Attribute("Name") ?? "image",
                (ImageType)Int(i, "ImageType", 0),
                Split(Text(i, "Attributes"))))
            .ToList() ?? [];
        return new StepRegistration
        {
            Id = id,
            Name = (string?)root.Attribute("Name"),
            PluginType = type,
            Message = message,
            Table = Text(root, "PrimaryEntity") is { Length: > 0 } table && table != "none" ? table : null,
            Stage = (PipelineStage)Int(root, "Stage", 40),
            Mode = (StepMode)Int(root, "Mode", 0),
            Rank = Int(root, "Rank", 1),
            FilteringAttributes = Split(Text(root, "FilteringAttributes")),
            Images = images,
            UnsecureConfiguration = ApplySettings(Text(root, "Configuration"), options.UnsecureSettings),
            SecureConfiguration = SecureConfiguration(options, id, typeName),
        };
    }

    private static string? SecureConfiguration(SolutionStepOptions options, Guid id, string typeName)
    {
        foreach (var key in new[] { id.ToString("B"), id.ToString("D"), typeName, "*" })
        {
            var match = options.SecureConfigurations.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            if (match.Key is not null)
            {
                return match.Value;
            }
        }

        return null;
    }

    private static string? ApplySettings(string? configuration, IDictionary<string, JsonNode?> settings)
    {
        if (settings.Count == 0 || string.IsNullOrWhiteSpace(configuration))
        {
            return configuration;
        }

        JsonObject json;
        try
        {
            if (JsonNode.Parse(configuration) is not JsonObject parsed)
            {
                return configuration;
            }

            json = parsed;
        }
        catch (JsonException)
        {
            return configuration; // not JSON: the plug-in reads it its own way
        }

        foreach (var (key, value) in settings)
        {
            json[key] = value?.DeepClone();
        }

        return json.ToJsonString();
    }

    private static Assembly LoadAssembly(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Plug-in assembly '{full}' does not exist; build the plug-in (net10.0) first.", full);
        }

        // Already loaded (a host that references the plug-in project): use that copy, one type identity.
        var name = AssemblyName.GetAssemblyName(full);
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Name == name.Name);
        return loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
    }

    private static string? Text(XElement element, string name) => element.Element(name)?.Value.Trim();

    private static int Int(XElement element, string name, int fallback)
        => int.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string[] Split(string? text)
        => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
