using System;
using System.Collections.Generic;
using DualWrite.Core.Filters;
using DualWrite.Core.Json;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Pausing;

namespace DualWrite.Plugins.Configuration;

/// <summary>
/// Both configuration strings of a write-through step, parsed once when the platform creates the
/// plug-in. Problems are kept, all of them, and reported on the first save instead of a
/// NullReferenceException later.
/// </summary>
public sealed class StepConfiguration
{
    public const string UnsecureSource = "step's unsecure configuration";
    public const string SecureSource = "step's secure configuration";

    // Names of the settings, shared with the solution generator.
    public const string MapSetting = "map";
    public const string FinOpsBaseUrlSetting = "finOpsBaseUrl";
    public const string CallTimeoutSetting = "callTimeoutSeconds";
    public const string BudgetSetting = "budgetSeconds";
    public const string LoopTagSetting = "loopTag";
    public const string AllowEmulatorUrlsSetting = "allowEmulatorUrls";
    public const string FinOpsNotNullableSetting = "finOpsNotNullable";
    public const string OnPausedSetting = "onPaused";
    public const string TenantIdSetting = "tenantId";
    public const string ClientIdSetting = "clientId";
    public const string ClientSecretSetting = "clientSecret";
    public const string AuthoritySetting = "authority";
    public const string ScopeSetting = "scope";

    private StepConfiguration(WriteThroughSettings? settings, ClientCredentials? credentials, IReadOnlyList<string> problems)
    {
        Settings = settings;
        Credentials = credentials;
        Problems = problems;
    }

    /// <summary>The unsecure settings; null when <see cref="Problems"/> is not empty.</summary>
    public WriteThroughSettings? Settings { get; }

    /// <summary>The secure settings; null when <see cref="Problems"/> is not empty.</summary>
    public ClientCredentials? Credentials { get; }

    public IReadOnlyList<string> Problems { get; }

    public bool IsValid => Problems.Count == 0;

    public static StepConfiguration Parse(string? unsecureConfiguration, string? secureConfiguration)
    {
        var problems = new List<string>();
        var settings = ParseSettings(unsecureConfiguration, problems, out var allowEmulatorUrls);
        var credentials = ParseCredentials(secureConfiguration, settings, allowEmulatorUrls, problems);
        return problems.Count == 0
            ? new StepConfiguration(settings, credentials, problems)
            : new StepConfiguration(null, null, problems);
    }

    private static WriteThroughSettings? ParseSettings(string? json, List<string> problems, out bool? allowEmulatorUrls)
    {
        allowEmulatorUrls = null;
        var reader = ConfigurationReader.Open(UnsecureSource, json, problems);
        if (reader.Root is null)
        {
            return null;
        }

        var map = ReadMap(reader, problems);
        var baseUrl = reader.AbsoluteUrl(FinOpsBaseUrlSetting, required: true, "set it to the F&O environment URL, e.g. https://contoso.operations.dynamics.com/");
        var callTimeout = reader.Seconds(CallTimeoutSetting, WriteThroughSettings.DefaultCallTimeout, 1, WriteThroughSettings.MaxBudget.TotalSeconds);
        var budget = reader.Seconds(BudgetSetting, WriteThroughSettings.DefaultBudget, 1, WriteThroughSettings.MaxBudget.TotalSeconds);
        var loopTag = reader.String(LoopTagSetting, required: false) ?? WriteThroughSettings.DefaultLoopTag;
        allowEmulatorUrls = reader.Boolean(AllowEmulatorUrlsSetting, defaultValue: false);
        var notNullable = ReadNames(reader, FinOpsNotNullableSetting);
        var onPaused = ReadOnPaused(reader);
        reader.RejectUnknown();
        if (callTimeout > budget)
        {
            reader.Problem(CallTimeoutSetting, "(" + callTimeout.TotalSeconds + " s) must not exceed '" + BudgetSetting + "' (" + budget.TotalSeconds + " s)");
        }

        if (baseUrl is not null && EndpointPolicy.Check(FinOpsBaseUrlSetting, baseUrl, allowEmulatorUrls.Value) is { } refused)
        {
            problems.Add(refused);
        }

        FilterExpression? filter = null;
        if (map?.Dataverse.FilterText is { } filterText)
        {
            // The loader checked the syntax already; parse it once here for evaluation on every save.
            filter = FilterExpression.Parse(filterText);
        }

        return map is null || baseUrl is null || problems.Count > 0
            ? null
            : new WriteThroughSettings(map, filter, baseUrl, callTimeout, budget, loopTag, allowEmulatorUrls.Value, notNullable, onPaused);
    }

    /// <summary>"refuse" (the default) or "queue": what a save does while the map is paused.</summary>
    private static PausedSaveBehavior ReadOnPaused(ConfigurationReader reader)
    {
        switch (reader.String(OnPausedSetting, required: false))
        {
            case null:
            case "refuse":
                return PausedSaveBehavior.Refuse;
            case "queue":
                return PausedSaveBehavior.Queue;
            case var other:
                reader.Problem(OnPausedSetting, "must be \"refuse\" or \"queue\", not '" + other + "'");
                return PausedSaveBehavior.Refuse;
        }
    }

    /// <summary>An optional array of names (F&amp;O properties); null when absent.</summary>
    private static IReadOnlyList<string>? ReadNames(ConfigurationReader reader, string setting)
    {
        var node = reader.Node(setting);
        if (node is null || node is JsonNull)
        {
            return null;
        }

        var names = new List<string>();
        if (node is JsonArray array)
        {
            foreach (var item in array.Items)
            {
                if (item is JsonString name && name.Value.Length > 0)
                {
                    names.Add(name.Value);
                }
                else
                {
                    reader.Problem(setting, "must hold F&O property names (non-empty strings)");
                    return null;
                }
            }

            return names;
        }

        reader.Problem(setting, "must be an array of F&O property names");
        return null;
    }

    private static TableMap? ReadMap(ConfigurationReader reader, List<string> problems)
    {
        var node = reader.Node(MapSetting);
        if (node is not JsonObject mapObject)
        {
            reader.Problem(MapSetting, node is null ? "is required: the table map (a map file's JSON object) this step writes through" : "must be a JSON object: the table map this step writes through");
            return null;
        }

        var result = MapLoader.Load(JsonWriter.Write(mapObject), "step configuration map");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                problems.Add("Setting 'map' of the " + UnsecureSource + " is not a valid map: " + error.Path + ": " + error.Message);
            }

            return null;
        }

        return result.Map;
    }

    /// <param name="allowEmulatorUrls">Read from the unsecure configuration even when it has other problems, so a bad authority is reported with them; null when that configuration is unreadable (the rule is unknown).</param>
    private static ClientCredentials? ParseCredentials(string? json, WriteThroughSettings? settings, bool? allowEmulatorUrls, List<string> problems)
    {
        var reader = ConfigurationReader.Open(SecureSource, json, problems);
        if (reader.Root is null)
        {
            return null;
        }

        var tenantId = reader.String(TenantIdSetting, required: true);
        var clientId = reader.String(ClientIdSetting, required: true);
        var clientSecret = reader.String(ClientSecretSetting, required: true);
        var authority = reader.AbsoluteUrl(AuthoritySetting, required: false, null) ?? ClientCredentials.DefaultAuthority;
        var scope = reader.String(ScopeSetting, required: false);
        reader.RejectUnknown();
        if (allowEmulatorUrls is { } allowed && EndpointPolicy.Check(AuthoritySetting, authority, allowed) is { } refused)
        {
            problems.Add(refused);
        }

        if (tenantId is null || clientId is null || clientSecret is null || settings is null)
        {
            return null;
        }

        scope ??= settings.FinOpsBaseUrl.AbsoluteUri.TrimEnd('/') + "/.default";
        return new ClientCredentials(tenantId, clientId, clientSecret, authority, scope);
    }
}
