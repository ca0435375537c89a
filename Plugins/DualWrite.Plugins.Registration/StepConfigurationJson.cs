using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Json;
using DualWrite.Core.Pausing;
using DualWrite.Plugins.Configuration;

namespace DualWrite.Plugins.Registration;

/// <summary>Builds a write-through step's unsecure configuration: the map inline plus the settings.</summary>
public static class StepConfigurationJson
{
    /// <summary>What the solution ships in place of the environment URL; the plug-in refuses it with a message saying so.</summary>
    public const string FinOpsBaseUrlPlaceholder = "https://<your-environment>.operations.dynamics.com/";

    public static string Build(
        JsonObject map,
        string finOpsBaseUrl,
        bool allowEmulatorUrls = false,
        TimeSpan? callTimeout = null,
        TimeSpan? budget = null,
        string? loopTag = null,
        IReadOnlyList<string>? finOpsNotNullable = null,
        PausedSaveBehavior onPaused = PausedSaveBehavior.Refuse)
    {
        ArgumentNullException.ThrowIfNull(map);
        var root = new JsonObject();
        root.Add(StepConfiguration.FinOpsBaseUrlSetting, new JsonString(finOpsBaseUrl));
        root.Add(StepConfiguration.CallTimeoutSetting, Seconds(callTimeout ?? WriteThroughSettings.DefaultCallTimeout));
        root.Add(StepConfiguration.BudgetSetting, Seconds(budget ?? WriteThroughSettings.DefaultBudget));
        root.Add(StepConfiguration.LoopTagSetting, new JsonString(loopTag ?? WriteThroughSettings.DefaultLoopTag));
        root.Add(StepConfiguration.AllowEmulatorUrlsSetting, allowEmulatorUrls ? JsonBoolean.True : JsonBoolean.False);

        // Written even at its default, so whoever opens the step sees the choice and where to change it.
        root.Add(StepConfiguration.OnPausedSetting, new JsonString(OnPausedText(onPaused)));
        if (finOpsNotNullable is not null)
        {
            var names = new JsonArray();
            foreach (var name in finOpsNotNullable)
            {
                names.Add(new JsonString(name));
            }

            root.Add(StepConfiguration.FinOpsNotNullableSetting, names);
        }

        root.Add(StepConfiguration.MapSetting, map);
        return JsonWriter.Write(root);
    }

    /// <summary>A step configuration with the environment settings replaced (tests and emulators point it at a loopback F&amp;O).</summary>
    /// <param name="onPaused">Replaces the step's setting when given; otherwise it is kept.</param>
    public static string Retarget(string configuration, string finOpsBaseUrl, bool allowEmulatorUrls, TimeSpan? callTimeout = null, TimeSpan? budget = null, PausedSaveBehavior? onPaused = null)
    {
        var root = (JsonObject)JsonParser.Parse(configuration);
        var map = (JsonObject)root[StepConfiguration.MapSetting]!;
        var loopTag = (root[StepConfiguration.LoopTagSetting] as JsonString)?.Value;
        List<string>? notNullable = null;
        if (root[StepConfiguration.FinOpsNotNullableSetting] is JsonArray names)
        {
            notNullable = new List<string>();
            foreach (var name in names.Items)
            {
                notNullable.Add(((JsonString)name).Value);
            }
        }

        var kept = (root[StepConfiguration.OnPausedSetting] as JsonString)?.Value == "queue" ? PausedSaveBehavior.Queue : PausedSaveBehavior.Refuse;
        return Build(map, finOpsBaseUrl, allowEmulatorUrls, callTimeout, budget, loopTag, notNullable, onPaused ?? kept);
    }

    /// <summary>The setting's value as the step configuration spells it.</summary>
    public static string OnPausedText(PausedSaveBehavior behavior) => behavior == PausedSaveBehavior.Queue ? "queue" : "refuse";

    private static JsonNumber Seconds(TimeSpan time) =>
        new(time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
}
