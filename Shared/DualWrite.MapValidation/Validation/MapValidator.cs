using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Dependencies;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.MapValidation.Metadata;

namespace DualWrite.MapValidation.Validation;

/// <summary>
/// Checks table maps against both services' $metadata before anything runs, and reports every
/// problem at once, each with file, map and field: unknown entity sets and fields, type
/// mismatches, unfilled required fields, uncovered enum members and choice values, keys not mapped
/// to each other, missing company striping, unresolvable lookups, bad filters and dependency cycles.
/// </summary>
public sealed class MapValidator
{
    private readonly ServiceSchema _finOps;
    private readonly ServiceSchema _dataverse;
    private readonly DataverseChoices _choices;

    public MapValidator(ServiceSchema finOps, ServiceSchema dataverse, DataverseChoices? choices = null)
    {
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _choices = choices ?? DataverseChoices.None;
    }

    /// <summary>Loads and checks map files; a file that does not load is reported and the others are still checked.</summary>
    public IReadOnlyList<ValidationIssue> Validate(IEnumerable<MapFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var issues = new List<ValidationIssue>();
        var loaded = new List<LoadedMap>();
        foreach (var file in files)
        {
            var result = MapLoader.Load(file.Text, file.Name);
            if (result.Map is not null)
            {
                loaded.Add(new LoadedMap(file.Name, result.Map));
                continue;
            }

            issues.AddRange(result.Errors.Select(error => new ValidationIssue(
                file.Name,
                null,
                error.Path.Length == 0 ? null : error.Path,
                error.Path.EndsWith("filter", StringComparison.Ordinal) ? ValidationIssueCode.FilterDoesNotParse : ValidationIssueCode.MapDoesNotLoad,
                string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}: {2}", error.Line, error.Column, error.Message))));
        }

        issues.AddRange(Validate(loaded));
        return issues;
    }

    /// <summary>Checks maps that loaded.</summary>
    public IReadOnlyList<ValidationIssue> Validate(IReadOnlyList<LoadedMap> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var issues = new List<ValidationIssue>();
        foreach (var duplicate in maps.GroupBy(map => map.Map.Name, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            foreach (var map in duplicate.Skip(1))
            {
                issues.Add(new ValidationIssue(map.File, map.Map.Name, null, ValidationIssueCode.DuplicateMapName,
                    "the name is also used by " + duplicate.First().File + "; map names identify maps in logs and plans."));
            }
        }

        foreach (var map in maps)
        {
            var context = new MapCheckContext(map, _finOps, _dataverse, _choices, maps, issues);
            EntityChecks.Run(context);
            FieldChecks.Run(context);
            CompanyChecks.Run(context);
            KeyChecks.Run(context);
            RequiredFieldChecks.Run(context);
            ValueChecks.Run(context);
            LookupResolutionChecks.Run(context);
            FilterChecks.Run(context);
            foreach (var field in map.Map.NonInvertibleTwoWayFields())
            {
                var reasons = field.Value.Where(reason => !IsDefaultForValueFinOpsRequires(context, field.Key, reason)).ToList();
                if (reasons.Count > 0)
                {
                    context.Report(field.Key.DisplayName, ValidationIssueCode.NotInvertible,
                        "two-way field can change on a round trip: " + string.Join("; ", reasons) + ". Make it one-way or remove the cause.");
                }
            }
        }

        var unique = maps.GroupBy(map => map.Map.Name, StringComparer.Ordinal).Select(group => group.First()).ToList();
        foreach (var cycle in InitialSyncPlanner.Plan(unique.Select(map => map.Map)).Cycles)
        {
            var first = unique.First(map => map.Map.Name == cycle.Edges[0].Map);
            issues.Add(new ValidationIssue(first.File, first.Map.Name, cycle.Edges[0].Reference.Field, ValidationIssueCode.DependencyCycle,
                "maps " + string.Join(", ", cycle.Maps) + " look each other up in a ring (" + cycle
                + "): no initial-sync order exists; make one of these lookups one-way or drop it."));
        }

        return issues;
    }

    /// <summary>
    /// A default towards F&amp;O for a property F&amp;O does not accept null for changes nothing a round trip
    /// could keep: F&amp;O cannot hold the empty value, so what travels back is the value F&amp;O really has.
    /// </summary>
    private static bool IsDefaultForValueFinOpsRequires(MapCheckContext context, FieldMap field, string reason) =>
        reason.StartsWith(FieldMap.DefaultReasonPrefix, StringComparison.Ordinal)
        && field.DefaultToDataverse is null
        && field.FinOpsField is { } name
        && context.FinOpsType?.FindProperty(name) is { } property
        && !property.Type.IsNullable;
}
