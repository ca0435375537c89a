using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Maps;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>
/// A lookup resolves by the referenced table's key: either a map writes that table keyed the way
/// the lookup addresses it, or the table declares an alternate key on the lookup's key column
/// (plus the company on a company-specific lookup).
/// </summary>
internal static class LookupResolutionChecks
{
    public static void Run(MapCheckContext context)
    {
        var company = context.Map.Company;
        if (company is not null)
        {
            Check(context, company.FinOpsField, company.LogicalName, new[] { company.CodeField });
        }

        foreach (var field in context.Map.Fields.Where(field => field.Lookup is not null))
        {
            var lookup = field.Lookup!;
            var keyColumns = new List<string> { lookup.KeyField };
            if (lookup.CompanySpecific)
            {
                keyColumns.Add(company?.DataverseField ?? CompanyStriping.DefaultDataverseField);
            }

            Check(context, field.DisplayName, lookup.LogicalName, keyColumns);
        }
    }

    private static void Check(MapCheckContext context, string field, string table, IReadOnlyCollection<string> keyColumns)
    {
        var writers = context.AllMaps.Where(other => other.Map.Dataverse.LogicalName == table).ToList();
        if (writers.Any(writer => SameColumns(writer.Map.Dataverse.KeyFields, keyColumns)))
        {
            return;
        }

        var type = context.Dataverse.Model.SchemaElements.OfType<IEdmEntityType>().FirstOrDefault(candidate => candidate.Name == table);
        if (type is not null && context.Dataverse.AlternateKeys(type).Any(parts => KeyChecks.Matches(type, keyColumns, parts)))
        {
            return;
        }

        if (writers.Count == 0)
        {
            context.Report(field, ValidationIssueCode.UnresolvableLookup,
                "looks up table '" + table + "', which no map writes and which has no alternate key (" + string.Join(", ", keyColumns)
                + "): add a map for it or an alternate key in Dataverse.");
            return;
        }

        // A map writes the table, but keyed differently: the bind would name a key Dataverse does not have.
        context.Report(field, ValidationIssueCode.UnresolvableLookup,
            "looks up table '" + table + "' by (" + string.Join(", ", keyColumns) + "), but map '" + writers[0].Map.Name + "' keys it by ("
            + string.Join(", ", writers[0].Map.Dataverse.KeyFields) + ") and no alternate key matches: check \"keyField\" and \"companySpecific\".");
    }

    private static bool SameColumns(IReadOnlyCollection<string> left, IReadOnlyCollection<string> right) =>
        left.Count == right.Count && left.All(right.Contains);
}
