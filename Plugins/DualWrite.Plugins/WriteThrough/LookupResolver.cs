using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Mapping;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>
/// Answers the engine's "read the key column of the referenced record" requests with one
/// RetrieveMultiple per referenced table (ids batched with <c>In</c>), never one query per field.
/// </summary>
public static class LookupResolver
{
    /// <summary>Adds the answers to <paramref name="resolved"/>; returns a problem per lookup it could not answer.</summary>
    public static IReadOnlyList<string> Resolve(IOrganizationService service, IReadOnlyList<LookupToResolve> lookups, ResolvedLookups resolved, Action<string> trace)
    {
        var problems = new List<string>();
        var byTable = new Dictionary<string, List<LookupToResolve>>(StringComparer.Ordinal);
        var tableOrder = new List<string>();
        foreach (var lookup in lookups)
        {
            if (lookup.Kind != LookupResolutionKind.ReadKeyValue || lookup.Id is null)
            {
                problems.Add("DualWrite cannot " + lookup + " for field " + lookup.Field + " when writing to F&O.");
                continue;
            }

            if (!byTable.TryGetValue(lookup.LogicalName, out var list))
            {
                list = new List<LookupToResolve>();
                byTable.Add(lookup.LogicalName, list);
                tableOrder.Add(lookup.LogicalName);
            }

            list.Add(lookup);
        }

        foreach (var table in tableOrder)
        {
            var requests = byTable[table];
            var columns = new List<string>();
            var ids = new List<object>();
            foreach (var request in requests)
            {
                if (!columns.Contains(request.KeyField))
                {
                    columns.Add(request.KeyField);
                }

                if (!ids.Contains(request.Id!.Value))
                {
                    ids.Add(request.Id.Value);
                }
            }

            // Dataverse names a table's primary key <logical name>id (account -> accountid).
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns.ToArray()) };
            query.Criteria.AddCondition(table + "id", ConditionOperator.In, ids.ToArray());
            var found = new Dictionary<Guid, Entity>();
            foreach (var entity in service.RetrieveMultiple(query).Entities)
            {
                found[entity.Id] = entity;
            }

            trace(string.Format(CultureInfo.InvariantCulture, "Read {0} of {1} {2} record(s) for lookups.", string.Join(", ", columns), found.Count, table));
            foreach (var request in requests)
            {
                if (!found.TryGetValue(request.Id!.Value, out var record))
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "Field {0} refers to {1} {2:D}, which does not exist or which you cannot read.", request.Field, table, request.Id.Value));
                    continue;
                }

                var value = record.Attributes.TryGetValue(request.KeyField, out var raw) ? raw : null;
                var code = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
                if (code is null || code.Length == 0)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "Field {0} refers to {1} {2:D}, whose {3} is empty, so F&O cannot be given its code.", request.Field, table, request.Id.Value, request.KeyField));
                    continue;
                }

                resolved.AddKeyValue(request.Path, code);
            }
        }

        return problems;
    }
}
