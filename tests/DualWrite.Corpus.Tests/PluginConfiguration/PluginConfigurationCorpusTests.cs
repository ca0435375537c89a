extern alias Plugins;

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using DualWrite.Corpus.Tests.Maps;
using DualWrite.Corpus.Tests.Support;
using DualWrite.Emulators.Dataverse;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;
using Plugins::DualWrite.Plugins.WriteThrough;

namespace DualWrite.Corpus.Tests.PluginConfiguration;

/// <summary>
/// Each case of tests/corpus/plugin-config registered as our write-through step in the in-memory Dataverse, then a
/// user's save: the save is refused with a message naming every bad setting, nothing is saved, and the next save on a
/// table without our step still goes through (the pipeline is not left broken).
/// </summary>
public sealed class PluginConfigurationCorpusTests
{
    public static TheoryData<string> Cases => CorpusCase.Names("plugin-config");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_step_configuration_refuses_the_save_naming_the_setting_and_saves_nothing(string name)
    {
        var corpusCase = CorpusCase.Load("plugin-config", name);
        using var dataverse = new InMemoryDataverseBuilder()
            .AddTable("account", t => t.PrimaryName("name"))
            .AddTable("contact", t => t.PrimaryName("fullname"))
            .AddStep(new StepRegistration
            {
                PluginType = typeof(WriteThroughPlugin),
                Message = "Create",
                Table = "account",
                UnsecureConfiguration = Configuration(corpusCase.Input, "unsecure", BaseUnsecure()),
                SecureConfiguration = Configuration(corpusCase.Input, "secure", BaseSecure()),
            })
            .Build();

        var error = Record.Exception(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        var refused = Assert.IsType<InvalidPluginExecutionException>(error);
        Assert.StartsWith("DualWrite's step on Create of account is misconfigured: ", refused.Message, StringComparison.Ordinal);
        MessageAssert.ContainsAll(corpusCase, refused.Message);
        Assert.Empty(dataverse.Snapshot().Tables["account"]);

        dataverse.Service.Create(new Entity("contact") { ["fullname"] = "Next save" });
        Assert.Single(dataverse.Snapshot().Tables["contact"]);
    }

    /// <summary>A valid configuration for Customers V3 (the standard map), before the case changes it.</summary>
    private static JsonObject BaseUnsecure() => new()
    {
        ["map"] = JsonNode.Parse(File.ReadAllText(Path.Combine(StandardMetadata.MapsDirectory, "customers-v3.json"))),
        ["finOpsBaseUrl"] = "https://contoso.operations.dynamics.com/",
    };

    private static JsonObject BaseSecure() => new()
    {
        ["tenantId"] = "contoso-tenant",
        ["clientId"] = "dualwrite-app",
        ["clientSecret"] = "s3cret",
    };

    /// <summary>The case's raw text (<c>unsecureText</c>; JSON null: no configuration at all), or the base with settings set and removed.</summary>
    private static string? Configuration(JsonObject input, string side, JsonObject configuration)
    {
        if (input.TryGetPropertyValue(side + "Text", out var raw))
        {
            return raw?.GetValue<string>();
        }

        foreach (var (setting, value) in input[side + "Set"] as JsonObject ?? [])
        {
            configuration[setting] = value?.DeepClone();
        }

        foreach (var setting in (input[side + "Remove"] as JsonArray ?? []).Select(s => s!.GetValue<string>()))
        {
            configuration.Remove(setting);
        }

        foreach (var (setting, value) in side == "unsecure" ? input["mapSet"] as JsonObject ?? [] : [])
        {
            configuration["map"]![setting] = value?.DeepClone();
        }

        return configuration.ToJsonString();
    }
}
