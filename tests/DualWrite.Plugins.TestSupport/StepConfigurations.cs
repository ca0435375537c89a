using System;
using System.IO;
using DualWrite.Core.Json;
using DualWrite.Plugins.Registration;
using DualWrite.TestSupport;

namespace DualWrite.Plugins.TestSupport;

/// <summary>Step configuration strings for configuration tests.</summary>
public static class StepConfigurations
{
    public static JsonObject CustomersMap => (JsonObject)JsonParser.Parse(File.ReadAllText(RepositoryPaths.MapFile(CustomersScenario.MapFile)));

    public static string Unsecure(string finOpsBaseUrl = "https://contoso.operations.dynamics.com/", bool allowEmulatorUrls = false) =>
        StepConfigurationJson.Build(CustomersMap, finOpsBaseUrl, allowEmulatorUrls);

    public const string Secure = "{\"tenantId\":\"contoso-tenant\",\"clientId\":\"dualwrite-app\",\"clientSecret\":\"s3cret\"}";

    /// <summary>The unsecure configuration with one top-level setting replaced (null removes it).</summary>
    public static string UnsecureWith(string setting, JsonNode? value)
    {
        var root = (JsonObject)JsonParser.Parse(Unsecure());
        root.Remove(setting);
        if (value is not null)
        {
            root.Add(setting, value);
        }

        return JsonWriter.Write(root);
    }
}
