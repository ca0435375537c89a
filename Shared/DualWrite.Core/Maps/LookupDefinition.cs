using System;

namespace DualWrite.Core.Maps;

/// <summary>
/// An F&amp;O code field paired with a Dataverse lookup column whose target table has the code as an
/// alternate key (CustomerGroupId ↔ msdyn_customergroupid by msdyn_groupid).
/// </summary>
public sealed class LookupDefinition
{
    public LookupDefinition(string entitySet, string logicalName, string keyField, bool companySpecific, string navigationProperty)
    {
        EntitySet = Require(entitySet, nameof(entitySet));
        LogicalName = Require(logicalName, nameof(logicalName));
        KeyField = Require(keyField, nameof(keyField));
        NavigationProperty = Require(navigationProperty, nameof(navigationProperty));
        CompanySpecific = companySpecific;
    }

    /// <summary>The referenced table's entity set (<c>msdyn_customergroups</c>), used in <c>@odata.bind</c>.</summary>
    public string EntitySet { get; }

    /// <summary>The referenced table's logical name (<c>msdyn_customergroup</c>).</summary>
    public string LogicalName { get; }

    /// <summary>The referenced table's alternate-key column holding the code (<c>msdyn_groupid</c>).</summary>
    public string KeyField { get; }

    /// <summary>True when the referenced table is striped by company: the record's company joins the key.</summary>
    public bool CompanySpecific { get; }

    /// <summary>The single-valued navigation property written as <c>&lt;nav&gt;@odata.bind</c> (case-sensitive).</summary>
    public string NavigationProperty { get; }

    private static string Require(string value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException("Required.", name) : value;
}
