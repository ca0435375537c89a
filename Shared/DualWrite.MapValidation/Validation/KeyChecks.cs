using System.Collections.Generic;
using System.Linq;

namespace DualWrite.MapValidation.Validation;

/// <summary>
/// The integration keys of the two sides are mapped to each other field for field, and the
/// Dataverse key is an alternate key the table declares (an upsert by key needs one).
/// </summary>
internal static class KeyChecks
{
    public static void Run(MapCheckContext context)
    {
        var map = context.Map;
        var finOpsKeys = map.FinOps.KeyFields.Where(key => key != map.Company?.FinOpsField).ToList();
        var dataverseKeys = map.Dataverse.KeyFields.Where(key => key != map.Company?.DataverseField).ToList();

        foreach (var key in finOpsKeys)
        {
            if (context.FinOpsType is not null && context.FinOpsType.FindProperty(key) is null)
            {
                context.Report(key, ValidationIssueCode.UnknownField, "F&O key field '" + key + "' is not a field of '" + map.FinOps.EntitySet + "'.");
            }
            else if (!map.Fields.Any(field => field.FinOpsField == key && field.DataverseField is not null && dataverseKeys.Contains(field.DataverseField)))
            {
                context.Report(key, ValidationIssueCode.KeyNotMapped,
                    "F&O key field '" + key + "' is not mapped to a Dataverse key column (" + string.Join(", ", dataverseKeys) + ").");
            }
        }

        foreach (var key in dataverseKeys)
        {
            if (!map.Fields.Any(field => field.DataverseField == key && field.FinOpsField is not null && finOpsKeys.Contains(field.FinOpsField)))
            {
                context.Report(key, ValidationIssueCode.KeyNotMapped,
                    "Dataverse key column '" + key + "' is not mapped to an F&O key field (" + string.Join(", ", finOpsKeys) + ").");
            }
        }

        CheckAlternateKey(context);
    }

    private static void CheckAlternateKey(MapCheckContext context)
    {
        var type = context.DataverseType;
        if (type is null)
        {
            return;
        }

        var columns = context.Map.Dataverse.KeyFields;
        if (!context.Dataverse.AlternateKeys(type).Any(parts => Matches(type, columns, parts)))
        {
            var declared = context.Dataverse.AlternateKeyAliases(type);
            context.Report(string.Join(",", columns), ValidationIssueCode.NoMatchingAlternateKey,
                "table '" + type.Name + "' declares no alternate key (" + string.Join(", ", columns) + "); declared: "
                + (declared.Count == 0 ? "none" : string.Join("; ", declared.Select(parts => "(" + string.Join(", ", parts) + ")"))) + ".");
        }
    }

    /// <summary>True when the columns name exactly the properties of one alternate key.</summary>
    public static bool Matches(Microsoft.OData.Edm.IEdmEntityType type, IReadOnlyCollection<string> columns, IReadOnlyCollection<string> keyProperties) =>
        columns.Count == keyProperties.Count
        && keyProperties.All(property => columns.Any(column => DataverseColumns.Names(type, column, property)));
}
