using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Json;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.MapValidation.Metadata;
using DualWrite.MapValidation.Validation;
using DualWrite.Plugins.WriteThrough;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// The write-through steps for a set of maps: Create, Update and Delete on each map's Dataverse table
/// for every map that writes Dataverse → F&amp;O. Ids are name-based, so the same maps give the same steps.
/// </summary>
public static class WriteThroughSteps
{
    public static readonly IReadOnlyList<string> Messages = ["Create", "Update", "Delete"];

    /// <param name="maps">The map files.</param>
    /// <param name="finOpsMetadata">F&amp;O's nullability; each step then carries the not-nullable properties its map writes.
    /// Null: the steps carry none and F&amp;O judges empty values itself.</param>
    public static IReadOnlyList<StepDefinition> For(IEnumerable<MapFile> maps, FinOpsNullability? finOpsMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var steps = new List<StepDefinition>();
        var problems = new List<string>();
        foreach (var source in maps.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var loaded = MapLoader.Load(source.Text, source.Name);
            if (!loaded.Succeeded)
            {
                problems.AddRange(loaded.Errors.Select(e => e.ToString()));
                continue;
            }

            var map = loaded.Map!;
            if (!map.Direction.Carries(SyncDirection.DataverseToFinOps))
            {
                continue;
            }

            IReadOnlyList<string>? notNullable = null;
            if (finOpsMetadata is not null)
            {
                notNullable = NotNullableWrites(map, finOpsMetadata);
                if (notNullable is null)
                {
                    problems.Add(source.Name + ": the F&O metadata has no entity set '" + map.FinOps.EntitySet + "'.");
                    continue;
                }
            }

            var configuration = StepConfigurationJson.Build((JsonObject)JsonParser.Parse(source.Text), StepConfigurationJson.FinOpsBaseUrlPlaceholder, finOpsNotNullable: notNullable);
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

    /// <summary>The F&amp;O properties the map writes from Dataverse that do not accept null, in map order (keys aside: the key check covers them).</summary>
    public static IReadOnlyList<string>? NotNullableWrites(TableMap map, FinOpsNullability finOpsMetadata)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(finOpsMetadata);
        var notNullable = finOpsMetadata.NotNullable(map.FinOps.EntitySet);
        if (notNullable is null)
        {
            return null;
        }

        var written = new List<string>();
        foreach (var field in map.Fields)
        {
            if (field.Carries(SyncDirection.DataverseToFinOps) && field.FinOpsField is { } name && notNullable.Contains(name)
                && !map.FinOps.KeyFields.Contains(name) && !written.Contains(name))
            {
                written.Add(name);
            }
        }

        return written;
    }

    public static StepDefinition ForMessage(TableMap map, string message, string unsecureConfiguration)
    {
        ArgumentNullException.ThrowIfNull(map);
        var table = map.Dataverse.LogicalName;
        var idName = "step/" + map.Name + "/" + message;
        return new StepDefinition
        {
            Id = NameBasedGuid.Create(idName),
            Name = "DualWrite: " + message + " of " + table + " to " + map.FinOps.EntitySet + " (" + map.Name + ")",
            MapName = map.Name,
            Message = message,
            Table = table,
            FilteringAttributes = message == "Update" ? MapColumns.UpdateTriggers(map) : [],
            PreImage = message == "Create"
                ? null
                : new StepImageDefinition(NameBasedGuid.Create(idName + "/image/" + WriteThroughPlanner.PreImageAlias), WriteThroughPlanner.PreImageAlias, MapColumns.PreImage(map)),
            UnsecureConfiguration = unsecureConfiguration,
            Description = "Writes each " + message.ToLowerInvariant() + " of " + table + " through to F&O " + map.FinOps.EntitySet + " inside the transaction (map '" + map.Name + "').",
        };
    }
}
