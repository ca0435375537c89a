using System;

namespace DualWrite.Core.Maps;

/// <summary>
/// How a company-specific map carries the legal entity: F&amp;O <c>dataAreaId</c> (lower case) ↔ a
/// Dataverse lookup to <c>cdm_companies</c> by <c>cdm_companycode</c> (upper case). Part of the key
/// on both sides.
/// </summary>
public sealed class CompanyStriping
{
    public const string DefaultFinOpsField = "dataAreaId";
    public const string DefaultDataverseField = "msdyn_company";
    public const string DefaultEntitySet = "cdm_companies";
    public const string DefaultLogicalName = "cdm_company";
    public const string DefaultCodeField = "cdm_companycode";

    public static readonly CompanyStriping Standard =
        new(DefaultFinOpsField, DefaultDataverseField, DefaultEntitySet, DefaultLogicalName, DefaultCodeField);

    public CompanyStriping(string finOpsField, string dataverseField, string entitySet, string logicalName, string codeField)
    {
        FinOpsField = Require(finOpsField, nameof(finOpsField));
        DataverseField = Require(dataverseField, nameof(dataverseField));
        EntitySet = Require(entitySet, nameof(entitySet));
        LogicalName = Require(logicalName, nameof(logicalName));
        CodeField = Require(codeField, nameof(codeField));
    }

    public string FinOpsField { get; }

    /// <summary>The lookup column and navigation property (<c>msdyn_company</c>).</summary>
    public string DataverseField { get; }

    public string EntitySet { get; }

    public string LogicalName { get; }

    public string CodeField { get; }

    /// <summary>The company as F&amp;O writes it (lower case, as F&amp;O returns dataAreaId).</summary>
    public static string ToFinOpsCode(string company) => company.ToLowerInvariant();

    /// <summary>The company as cdm_companycode holds it (upper case).</summary>
    public static string ToDataverseCode(string company) => company.ToUpperInvariant();

    private static string Require(string value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException("Required.", name) : value;
}
