using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DualWrite.Emulators.Dataverse.Solution;

/// <summary>
/// What a solution does not carry: the plug-in assemblies' files (net10.0 builds), the steps' secure
/// configuration (never exported, by design), and per-environment settings for the unsecure configuration.
/// </summary>
public sealed class SolutionStepOptions
{
    /// <summary>Paths of plug-in assemblies to load the steps' plug-in types from.</summary>
    public IList<string> PluginAssemblies { get; init; } = [];

    /// <summary>Secure configuration by step id ("{guid}" or "guid"), by plug-in type full name, or "*" for every step.</summary>
    public IDictionary<string, string> SecureConfigurations { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Top-level settings written over every step's unsecure configuration when it is a JSON object, e.g.
    /// finOpsBaseUrl and allowEmulatorUrls to point the write-through plug-in at a local F&amp;O emulator.
    /// </summary>
    public IDictionary<string, JsonNode?> UnsecureSettings { get; init; } = new Dictionary<string, JsonNode?>();
}
