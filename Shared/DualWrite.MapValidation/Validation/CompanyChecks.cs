using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>A company-specific entity is striped by company, and the striping names real fields.</summary>
internal static class CompanyChecks
{
    public static void Run(MapCheckContext context)
    {
        var company = context.Map.Company;
        if (company is null)
        {
            if (context.FinOpsType?.FindProperty(Core.Maps.CompanyStriping.DefaultFinOpsField) is not null)
            {
                context.Report(Core.Maps.CompanyStriping.DefaultFinOpsField, ValidationIssueCode.MissingCompanyStriping,
                    "F&O '" + context.Map.FinOps.EntitySet + "' is company-specific (it has dataAreaId) but the map has no \"company\": "
                    + "rows of every legal entity would collide on one Dataverse key.");
            }

            return;
        }

        if (context.FinOpsType is not null && context.FinOpsType.FindProperty(company.FinOpsField) is null)
        {
            context.Report(company.FinOpsField, ValidationIssueCode.UnknownField,
                "company field '" + company.FinOpsField + "' is not a field of F&O '" + context.Map.FinOps.EntitySet + "'.");
        }

        if (context.DataverseType is not null
            && DataverseColumns.Navigation(context.DataverseType, company.DataverseField) is null)
        {
            context.Report(company.DataverseField, ValidationIssueCode.UnknownField,
                "company lookup '" + company.DataverseField + "' is not a navigation property of '" + context.Map.Dataverse.LogicalName + "'.");
        }

        var companies = context.Dataverse.FindEntityTypeOfSet(company.EntitySet);
        if (companies is null || companies.Name != company.LogicalName)
        {
            context.Report(company.DataverseField, ValidationIssueCode.UnknownEntitySet,
                "companies entity set '" + company.EntitySet + "' does not hold table '" + company.LogicalName + "'.");
        }
        else if (companies.FindProperty(company.CodeField) is not IEdmStructuralProperty)
        {
            context.Report(company.DataverseField, ValidationIssueCode.UnknownField,
                "company code field '" + company.CodeField + "' is not a column of '" + company.LogicalName + "'.");
        }
    }
}
