using DualWrite.Core.Maps;
using DualWrite.MapValidation.Metadata;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>Every mapped field exists on its side with a type that holds the declared type; lookups point where they say.</summary>
internal static class FieldChecks
{
    public static void Run(MapCheckContext context)
    {
        foreach (var field in context.Map.Fields)
        {
            if (field.FinOpsField is not null && context.FinOpsType is not null)
            {
                CheckFinOps(context, field, context.FinOpsType);
            }

            if (field.DataverseField is not null && context.DataverseType is not null)
            {
                if (field.Lookup is null)
                {
                    CheckDataverse(context, field, context.DataverseType);
                }
                else
                {
                    CheckLookup(context, field, field.Lookup, context.DataverseType);
                }
            }
        }
    }

    private static void CheckFinOps(MapCheckContext context, FieldMap field, IEdmEntityType type)
    {
        var property = type.FindProperty(field.FinOpsField);
        if (property is not IEdmStructuralProperty)
        {
            context.Report(field.FinOpsField, ValidationIssueCode.UnknownField,
                "F&O entity set '" + context.Map.FinOps.EntitySet + "' has no field '" + field.FinOpsField + "'.");
            return;
        }

        // A lookup's F&O side holds the referenced row's code: a string, whatever the loader calls its type.
        var declared = field.Lookup is null ? field.FinOpsType : FieldType.String;
        if (!TypeCompatibility.Fits(declared, property.Type))
        {
            context.Report(field.FinOpsField, ValidationIssueCode.TypeMismatch,
                "declared " + TypeCompatibility.Name(declared) + " but F&O '" + context.Map.FinOps.EntitySet + "." + field.FinOpsField
                + "' is " + ServiceSchema.Describe(property.Type) + ".");
        }
    }

    private static void CheckDataverse(MapCheckContext context, FieldMap field, IEdmEntityType type)
    {
        var property = type.FindProperty(field.DataverseField);
        if (property is IEdmNavigationProperty || (property is null && type.FindProperty(DataverseColumns.ValueProperty(field.DataverseField!)) is not null))
        {
            context.Report(field.DataverseField, ValidationIssueCode.TypeMismatch,
                "Dataverse column '" + context.Map.Dataverse.LogicalName + "." + field.DataverseField + "' is a lookup; map it with \"lookup\".");
            return;
        }

        if (property is null)
        {
            context.Report(field.DataverseField, ValidationIssueCode.UnknownField,
                "Dataverse table '" + context.Map.Dataverse.LogicalName + "' has no column '" + field.DataverseField + "'.");
            return;
        }

        if (!TypeCompatibility.Fits(field.DataverseType, property.Type))
        {
            context.Report(field.DataverseField, ValidationIssueCode.TypeMismatch,
                "declared " + TypeCompatibility.Name(field.DataverseType) + " but Dataverse '" + context.Map.Dataverse.LogicalName + "."
                + field.DataverseField + "' is " + ServiceSchema.Describe(property.Type) + ".");
        }
    }

    private static void CheckLookup(MapCheckContext context, FieldMap field, LookupDefinition lookup, IEdmEntityType type)
    {
        var table = context.Map.Dataverse.LogicalName;
        if (!DataverseColumns.Exists(type, field.DataverseField!) && DataverseColumns.Navigation(type, lookup.NavigationProperty) is null)
        {
            context.Report(field.DataverseField, ValidationIssueCode.UnknownField,
                "Dataverse table '" + table + "' has no lookup column '" + field.DataverseField + "'.");
            return;
        }

        var navigation = DataverseColumns.Navigation(type, lookup.NavigationProperty);
        if (navigation is null || navigation.Type.IsCollection())
        {
            context.Report(field.DataverseField, ValidationIssueCode.UnknownField,
                "Dataverse table '" + table + "' has no single-valued navigation property '" + lookup.NavigationProperty
                + "' to bind the lookup (names are case-sensitive).");
            return;
        }

        var target = navigation.ToEntityType();
        if (target.Name != lookup.LogicalName)
        {
            context.Report(field.DataverseField, ValidationIssueCode.TypeMismatch,
                "lookup says table '" + lookup.LogicalName + "' but '" + table + "." + lookup.NavigationProperty + "' points to '" + target.Name + "'.");
            return;
        }

        var targetSet = context.Dataverse.FindEntityTypeOfSet(lookup.EntitySet);
        if (targetSet is null || targetSet.Name != lookup.LogicalName)
        {
            context.Report(field.DataverseField, ValidationIssueCode.UnknownEntitySet,
                "lookup entity set '" + lookup.EntitySet + "' is not the entity set of table '" + lookup.LogicalName + "'.");
        }

        if (target.FindProperty(lookup.KeyField) is not IEdmStructuralProperty)
        {
            context.Report(field.DataverseField, ValidationIssueCode.UnknownField,
                "lookup key field '" + lookup.KeyField + "' is not a column of '" + lookup.LogicalName + "'.");
        }
    }
}
