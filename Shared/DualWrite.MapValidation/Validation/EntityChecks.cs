namespace DualWrite.MapValidation.Validation;

/// <summary>Both entity sets exist, and the Dataverse set holds the table the map names.</summary>
internal static class EntityChecks
{
    public static void Run(MapCheckContext context)
    {
        var map = context.Map;
        if (context.FinOpsType is null)
        {
            context.Report(null, ValidationIssueCode.UnknownEntitySet,
                "F&O has no entity set '" + map.FinOps.EntitySet + "' in " + context.FinOps.Location + " (entity set names are case-sensitive public collection names).");
        }

        if (context.DataverseType is null)
        {
            context.Report(null, ValidationIssueCode.UnknownEntitySet,
                "Dataverse has no entity set '" + map.Dataverse.EntitySet + "' in " + context.Dataverse.Location + ".");
        }
        else if (context.DataverseType.Name != map.Dataverse.LogicalName)
        {
            context.Report(null, ValidationIssueCode.UnknownEntitySet,
                "Dataverse entity set '" + map.Dataverse.EntitySet + "' holds table '" + context.DataverseType.Name
                + "', not '" + map.Dataverse.LogicalName + "'.");
        }
    }
}
