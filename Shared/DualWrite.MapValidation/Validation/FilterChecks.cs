using DualWrite.Core.Filters;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>Each side's filter parses and names only fields of its own side.</summary>
internal static class FilterChecks
{
    public static void Run(MapCheckContext context)
    {
        Check(context, "finOps.filter", context.Map.FinOps.FilterText, context.FinOpsType, "F&O '" + context.Map.FinOps.EntitySet + "'",
            (type, name) => type.FindProperty(name) is IEdmStructuralProperty);
        Check(context, "dataverse.filter", context.Map.Dataverse.FilterText, context.DataverseType, "Dataverse '" + context.Map.Dataverse.LogicalName + "'",
            DataverseColumns.Exists);
    }

    private static void Check(
        MapCheckContext context,
        string path,
        string? filter,
        IEdmEntityType? type,
        string side,
        System.Func<IEdmEntityType, string, bool> exists)
    {
        if (filter is null)
        {
            return;
        }

        if (!FilterExpression.TryParse(filter, out var expression, out var error) || expression is null)
        {
            context.Report(path, ValidationIssueCode.FilterDoesNotParse, error?.Message ?? "the filter does not parse.");
            return;
        }

        if (type is null)
        {
            return;
        }

        foreach (var name in expression.FieldNames)
        {
            if (!exists(type, name))
            {
                context.Report(path, ValidationIssueCode.FilterUnknownField, "the filter names '" + name + "', which is not a field of " + side + ".");
            }
        }
    }
}
