using System.Collections.Generic;
using DualWrite.Core.Maps;
using DualWrite.MapValidation.Metadata;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>What every check of one map needs: the map, both schemas, the other maps, and where issues go.</summary>
internal sealed class MapCheckContext
{
    private readonly List<ValidationIssue> _issues;

    public MapCheckContext(
        LoadedMap loaded,
        ServiceSchema finOps,
        ServiceSchema dataverse,
        DataverseChoices choices,
        IReadOnlyList<LoadedMap> allMaps,
        List<ValidationIssue> issues)
    {
        Loaded = loaded;
        FinOps = finOps;
        Dataverse = dataverse;
        Choices = choices;
        AllMaps = allMaps;
        _issues = issues;
        FinOpsType = finOps.FindEntityTypeOfSet(loaded.Map.FinOps.EntitySet);
        DataverseType = dataverse.FindEntityTypeOfSet(loaded.Map.Dataverse.EntitySet);
    }

    public LoadedMap Loaded { get; }

    public TableMap Map => Loaded.Map;

    public ServiceSchema FinOps { get; }

    public ServiceSchema Dataverse { get; }

    public DataverseChoices Choices { get; }

    public IReadOnlyList<LoadedMap> AllMaps { get; }

    /// <summary>The F&amp;O entity type; null when the entity set is unknown (then its field checks are skipped).</summary>
    public IEdmEntityType? FinOpsType { get; }

    /// <summary>The Dataverse entity type; null when the entity set is unknown.</summary>
    public IEdmEntityType? DataverseType { get; }

    public void Report(string? field, ValidationIssueCode code, string message) =>
        _issues.Add(new ValidationIssue(Loaded.File, Map.Name, field, code, message));
}
