using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Json;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Plugins.WriteThrough;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// The write-through steps for a set of maps: Create, Update and Delete on each map's Dataverse table
/// for every map that writes Dataverse → F&amp;O. Ids are name-based, so the same maps give the same steps.
/// </summary>
public static class WriteThroughSteps
{
    public static readonly IReadOnlyList<string> Messages = ["Create", "Update", "Delete"];

    public static IReadOnlyList<StepDefinition> For(IEnumerable<MapSource> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var steps = new List<StepDefinition>();
        var problems = new List<string>();
        foreach (var source in maps.OrderBy(m => m.FileName, StringComparer.Ordinal))
        {
            var loaded = MapLoader.Load(source.Json, source.FileName);
            if (!loaded.Succeeded)
            {
                problems.AddRange(loaded.Errors.Select(e => e.ToString()));
                continue;
            }

            var map = loaded.Map!;
            if (!map.Direction.Carries(SyncDirection.DataverseToFnO))
            {
                continue;
            }

            var configuration = StepConfigurationJson.Build((JsonObject)JsonParser.Parse(source.Json), StepConfigurationJson.FnOBaseUrlPlaceholder);
            foreach (var message in Messages)
            {
                steps.Add(ForMessage(map, message, configuration));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The maps are not valid; fix them first:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return steps;
    }

    public static StepDefinition ForMessage(TableMap map, string message, string unsecureConfiguration)
    {
        ArgumentNullException.ThrowIfNull(map);
        var table = map.Dataverse.LogicalName;
        var idName = "step/" + map.Name + "/" + message;
        return new StepDefinition
        {
            Id = NameBasedGuid.Create(idName),
            Name = "DualWrite: " + message + " of " + table + " to " + map.FnO.EntitySet + " (" + map.Name + ")",
            MapName = map.Name,
            Message = message,
            Table = table,
            FilteringAttributes = message == "Update" ? MapColumns.UpdateTriggers(map) : [],
            PreImage = message == "Create"
                ? null
                : new StepImageDefinition(NameBasedGuid.Create(idName + "/image/" + WriteThroughPlanner.PreImageAlias), WriteThroughPlanner.PreImageAlias, MapColumns.PreImage(map)),
            UnsecureConfiguration = unsecureConfiguration,
            Description = "Writes each " + message.ToLowerInvariant() + " of " + table + " through to F&O " + map.FnO.EntitySet + " inside the transaction (map '" + map.Name + "').",
        };
    }
}
