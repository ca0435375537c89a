using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DualWrite.Core.Filters;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Wire;
using DualWrite.Plugins.Configuration;
using DualWrite.Plugins.FinOps;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>
/// Turns one Dataverse save into at most one F&amp;O request: loop and scope checks, change detection,
/// mapping with Core (lookups read through the organization service), the key and the body. No HTTP
/// here: this is the plug-in's own cost per save.
/// </summary>
public sealed class WriteThroughPlanner
{
    public const string PreImageAlias = "pre";
    public const string TargetParameter = "Target";

    private const int MaxMappingPasses = 3;
    private const string CrossCompanyOption = "cross-company=true";

    private readonly WriteThroughSettings _settings;
    private readonly TableMap _map;
    private readonly IReadOnlyList<string> _writtenToFinOps;
    private readonly IReadOnlyList<string> _key;
    private readonly IReadOnlyList<string> _allColumns;

    public WriteThroughPlanner(WriteThroughSettings settings)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _map = settings.Map;
        _writtenToFinOps = MapColumns.WrittenToFinOps(_map);
        _key = MapColumns.Key(_map);
        _allColumns = MapColumns.PreImage(_map);
    }

    public WriteThroughPlan Plan(IPluginExecutionContext context, IOrganizationService service, Action<string> trace)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var level = LoopGuard.FindTag(context, _settings.LoopTag);
        if (level >= 0)
        {
            return WriteThroughPlan.Skip("the save carries tag '" + _settings.LoopTag + "'" + (level == 0 ? string.Empty : " on a parent context (" + level + " up)") + ": it is the integration's own write");
        }

        var message = context.MessageName;
        if (message != "Create" && message != "Update" && message != "Delete")
        {
            return WriteThroughPlan.Skip("message " + message + " is not written through (Create, Update and Delete are)");
        }

        if (!_map.Direction.Carries(SyncDirection.DataverseToFinOps))
        {
            return WriteThroughPlan.Skip("map '" + _map.Name + "' runs F&O -> Dataverse only");
        }

        if (!string.Equals(context.PrimaryEntityName, _map.Dataverse.LogicalName, StringComparison.Ordinal))
        {
            return WriteThroughPlan.Fail("DualWrite is registered on " + context.PrimaryEntityName + ", but the step's map '" + _map.Name + "' pairs "
                + _map.Dataverse.LogicalName + ". Fix the step's unsecure configuration or registration.");
        }

        var target = context.InputParameters.TryGetValue(TargetParameter, out var rawTarget) ? rawTarget as Entity : null;
        var pre = context.PreEntityImages.TryGetValue(PreImageAlias, out var image) ? image : null;
        if (message != "Create" && pre is null)
        {
            return WriteThroughPlan.Fail("DualWrite's " + message + " step on " + context.PrimaryEntityName + " has no pre-image named '" + PreImageAlias
                + "'. Register one with the columns " + string.Join(", ", _allColumns) + ".");
        }

        if (message != "Delete" && target is null)
        {
            return WriteThroughPlan.Fail("DualWrite's " + message + " step on " + context.PrimaryEntityName + " received no Target record.");
        }

        // The record as it now stands (as it stood, for a delete).
        var current = message == "Create" ? target! : message == "Delete" ? pre! : Merge(pre!, target!);
        if (_settings.DataverseFilter is { } filter && !Matches(filter, current, out var filterProblem))
        {
            return filterProblem is null
                ? WriteThroughPlan.Skip("the record is outside map '" + _map.Name + "' (Dataverse filter: " + filter.Text + ")")
                : WriteThroughPlan.Fail(filterProblem);
        }

        // A record that enters the map's scope with this update is new to F&O: create it there.
        if (message == "Update" && _settings.DataverseFilter is { } scope && !Matches(scope, pre!, out _))
        {
            message = "Create";
        }

        DataRecord source;
        DataRecord? previous = null;
        var operation = SyncOperation.Create;
        switch (message)
        {
            case "Create":
                source = DataverseValues.ToRecord(current, _allColumns);
                break;
            case "Update":
                var changed = ChangedColumns(pre!, target!);
                if (changed.Count == 0)
                {
                    return WriteThroughPlan.Skip("no column that map '" + _map.Name + "' writes to F&O changed");
                }

                if (KeyChange(pre!, target!) is { } keyChange)
                {
                    return WriteThroughPlan.Fail(keyChange);
                }

                // Only the key and the changed columns: unchanged lookups cost no reads.
                var columns = new List<string>(_key);
                columns.AddRange(changed);
                source = DataverseValues.ToRecord(current, columns);
                previous = DataverseValues.ToRecord(pre!, _allColumns);
                operation = SyncOperation.Update;
                break;
            default:
                // A delete needs the key only: map the key columns as an unchanged update.
                source = DataverseValues.ToRecord(current, _key);
                previous = source;
                operation = SyncOperation.Update;
                break;
        }

        // Lookups are resolved even when a field has an error, so the message can name the record by its key.
        var mapping = new MappingLoop(
            new MappingRequest(_map, SyncDirection.DataverseToFinOps, source, operation, previous, null, new ResolvedLookups(), _settings.FinOpsNotNullable),
            MaxMappingPasses);
        for (var pending = mapping.Map(); pending.Count > 0; pending = mapping.Map())
        {
            var problems = LookupResolver.Resolve(service, pending, mapping.Resolved, trace);
            if (problems.Count > 0)
            {
                // Map once more with what was found (the company, usually) so the message names the record by its key.
                mapping.Map();
                return WriteThroughPlan.Fail(DescribeRecord(mapping.Result, context) + " cannot be written to " + _map.FinOps.EntitySet + ": " + string.Join(" ", problems));
            }
        }

        var result = mapping.Result;
        if (!result.Succeeded)
        {
            return WriteThroughPlan.Fail(DescribeMappingErrors(result, context));
        }

        var recordText = DescribeRecord(result, context);
        if (!result.IsComplete || result.TargetKey?.Path is not { } path)
        {
            return WriteThroughPlan.Fail("DualWrite could not build the F&O key of " + recordText + " for " + _map.FinOps.EntitySet + " (unresolved: "
                + string.Join(", ", Describe(mapping.Unresolved)) + ").");
        }

        // F&O finds a record by key only in the caller's default company unless the request says
        // cross-company=true; the key already names the company (dataAreaId first), so always say it.
        var byKey = path + "?" + CrossCompanyOption;
        switch (message)
        {
            case "Create":
                return WriteThroughPlan.Send(new FinOpsRequest("POST", _map.FinOps.EntitySet, RecordJson.Write(result.Payload, WireTarget.FinOps)), recordText, _map.FinOps.EntitySet, path);
            case "Update":
                return result.Payload.Count == 0
                    ? WriteThroughPlan.Skip("the changed columns map to nothing F&O does not already have")
                    : WriteThroughPlan.Send(new FinOpsRequest("PATCH", byKey, RecordJson.Write(result.Payload, WireTarget.FinOps)), recordText, _map.FinOps.EntitySet, path);
            default:
                return WriteThroughPlan.Send(new FinOpsRequest("DELETE", byKey, null), recordText, _map.FinOps.EntitySet, path);
        }
    }

    private static Entity Merge(Entity pre, Entity target)
    {
        var merged = new Entity(target.LogicalName, target.Id);
        foreach (var attribute in pre.Attributes)
        {
            merged.Attributes[attribute.Key] = attribute.Value;
        }

        foreach (var attribute in target.Attributes)
        {
            merged.Attributes[attribute.Key] = attribute.Value;
        }

        return merged;
    }

    private bool Matches(FilterExpression filter, Entity record, out string? problem)
    {
        try
        {
            problem = null;
            return filter.Evaluate(column => record.Attributes.TryGetValue(column, out var value) ? DataverseValues.ToFilterOperand(value) : null);
        }
        catch (FilterEvaluationException ex)
        {
            problem = "Map '" + _map.Name + "': the Dataverse filter '" + filter.Text + "' cannot be evaluated on this " + record.LogicalName + ": " + ex.Message;
            return false;
        }
    }

    /// <summary>Columns written to F&amp;O whose value the Target changes.</summary>
    private List<string> ChangedColumns(Entity pre, Entity target)
    {
        var changed = new List<string>();
        foreach (var column in _writtenToFinOps)
        {
            if (target.Attributes.TryGetValue(column, out var value)
                && !(pre.Attributes.TryGetValue(column, out var before) ? DataverseValues.AreEqual(before, value) : value is null))
            {
                changed.Add(column);
            }
        }

        return changed;
    }

    /// <summary>F&amp;O addresses the record by its integration key, so the key must not change (dual-write forbids it too).</summary>
    private string? KeyChange(Entity pre, Entity target)
    {
        foreach (var column in _key)
        {
            if (target.Attributes.TryGetValue(column, out var value)
                && pre.Attributes.TryGetValue(column, out var before)
                && !DataverseValues.AreEqual(before, value))
            {
                return string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} {1} cannot change its {2} from {3} to {4}: F&O's {5} record is addressed by it. Create a new {0} instead.",
                    _map.Dataverse.LogicalName,
                    Quote(pre, _key),
                    column,
                    Quote(before),
                    Quote(value),
                    _map.FinOps.EntitySet);
            }
        }

        return null;
    }

    private string DescribeMappingErrors(MappingResult result, IPluginExecutionContext context)
    {
        var text = new StringBuilder(DescribeRecord(result, context)).Append(" cannot be written to ").Append(_map.FinOps.EntitySet).Append(':');
        foreach (var error in result.Errors)
        {
            text.Append(' ').Append(error);
        }

        return text.ToString();
    }

    /// <summary>"account US-001 (usmf)": the table, the key without the company, and the F&amp;O company in brackets.</summary>
    private string DescribeRecord(MappingResult result, IPluginExecutionContext context)
    {
        var table = context.PrimaryEntityName;
        if (result.TargetKey is not { } key)
        {
            return table + (result.SourceKey.Length > 0 ? " " + result.SourceKey : " " + context.PrimaryEntityId.ToString("D"));
        }

        var parts = new List<string>();
        string? company = null;
        foreach (var part in key.Values)
        {
            if (_map.Company is not null && string.Equals(part.Key, _map.Company.FinOpsField, StringComparison.Ordinal))
            {
                company = part.Value.ToString();
            }
            else
            {
                parts.Add(part.Value.ToString());
            }
        }

        return table + " " + string.Join("/", parts) + (company is null ? string.Empty : " (" + company + ")");
    }

    private static IEnumerable<string> Describe(IReadOnlyList<LookupToResolve> lookups)
    {
        foreach (var lookup in lookups)
        {
            yield return lookup.ToString();
        }
    }

    private static string Quote(Entity record, IReadOnlyList<string> columns)
    {
        var parts = new List<string>();
        foreach (var column in columns)
        {
            if (record.Attributes.TryGetValue(column, out var value) && value is not EntityReference)
            {
                parts.Add(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return parts.Count == 0 ? record.Id.ToString("D") : string.Join("/", parts);
    }

    private static string Quote(object? value) => value switch
    {
        null => "(empty)",
        EntityReference reference => reference.LogicalName + " " + (reference.Name ?? reference.Id.ToString("D")),
        _ => "'" + Convert.ToString(value, CultureInfo.InvariantCulture) + "'",
    };
}
