using System.Linq;
using DualWrite.Core.Maps;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>Each side the map writes gets every field it requires on create, from a mapping, a default, a constant or the company.</summary>
internal static class RequiredFieldChecks
{
    public static void Run(MapCheckContext context)
    {
        var map = context.Map;
        if (map.Direction.Carries(SyncDirection.DataverseToFinOps) && context.FinOpsType is not null)
        {
            foreach (var property in context.FinOps.RequiredProperties(context.FinOpsType))
            {
                var filled = property.Name == map.Company?.FinOpsField
                    || map.Fields.Any(field => field.Carries(SyncDirection.DataverseToFinOps) && field.FinOpsField == property.Name);
                if (!filled)
                {
                    context.Report(property.Name, ValidationIssueCode.RequiredFieldNotFilled,
                        "F&O requires '" + map.FinOps.EntitySet + "." + property.Name + "' on create, but no Dataverse-to-F&O mapping, default or constant fills it.");
                }
            }
        }

        if (map.Direction.Carries(SyncDirection.FinOpsToDataverse) && context.DataverseType is not null)
        {
            var type = context.DataverseType;
            foreach (var property in context.Dataverse.RequiredProperties(type))
            {
                var filled = (map.Company is not null && DataverseColumns.Names(type, map.Company.DataverseField, property.Name))
                    || map.Fields.Any(field => field.Carries(SyncDirection.FinOpsToDataverse) && Fills(type, field, property));
                if (!filled)
                {
                    context.Report(property.Name, ValidationIssueCode.RequiredFieldNotFilled,
                        "Dataverse requires '" + map.Dataverse.LogicalName + "." + property.Name + "', but no F&O-to-Dataverse mapping, default or constant fills it.");
                }
            }
        }
    }

    private static bool Fills(IEdmEntityType type, FieldMap field, IEdmStructuralProperty property) =>
        DataverseColumns.Names(type, field.DataverseField!, property.Name)
        || (field.Lookup is not null && DataverseColumns.Names(type, field.Lookup.NavigationProperty, property.Name));
}
