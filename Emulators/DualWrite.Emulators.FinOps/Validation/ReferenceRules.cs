using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Validation;

/// <summary>
/// Every reference the emulator checks on write, in one table. F&amp;O checks these through table
/// relations; CSDL carries no relations for these fields, so they are declared here and checked
/// against the schema at start (<see cref="Check"/>).
/// </summary>
public static class ReferenceRules
{
    public static IReadOnlyList<ReferenceRule> Standard { get; } = new[]
    {
        // Every company-specific row lives in an existing legal entity.
        new ReferenceRule("CustomerGroups", "dataAreaId", "LegalEntities", SameCompany: false),
        new ReferenceRule("CustomersV3", "dataAreaId", "LegalEntities", SameCompany: false),
        new ReferenceRule("VendorsV2", "dataAreaId", "LegalEntities", SameCompany: false),
        new ReferenceRule("CDSContactPersonsV2", "dataAreaId", "LegalEntities", SameCompany: false),
        new ReferenceRule("CDSReleasedDistinctProducts", "dataAreaId", "LegalEntities", SameCompany: false),
        new ReferenceRule("SalesOrderHeadersV2", "dataAreaId", "LegalEntities", SameCompany: false),
        new ReferenceRule("SalesOrderLines", "dataAreaId", "LegalEntities", SameCompany: false),

        // Customers.
        new ReferenceRule("CustomersV3", "CustomerGroupId", "CustomerGroups", SameCompany: true),
        new ReferenceRule("CustomersV3", "SalesCurrencyCode", "Currencies", SameCompany: false),
        new ReferenceRule("CustomersV3", "InvoiceAccount", "CustomersV3", SameCompany: true),

        // Vendors (VendorGroupId has no entity set among the standard maps' entities, so it is not checked).
        new ReferenceRule("VendorsV2", "CurrencyCode", "Currencies", SameCompany: false),
        new ReferenceRule("VendorsV2", "InvoiceVendorAccountNumber", "VendorsV2", SameCompany: true),

        // Products.
        new ReferenceRule("CDSReleasedDistinctProducts", "CurrencyCode", "Currencies", SameCompany: false),

        // Sales orders: header to customers, line to its header and product.
        new ReferenceRule("SalesOrderHeadersV2", "OrderingCustomerAccountNumber", "CustomersV3", SameCompany: true),
        new ReferenceRule("SalesOrderHeadersV2", "InvoiceCustomerAccountNumber", "CustomersV3", SameCompany: true),
        new ReferenceRule("SalesOrderHeadersV2", "CurrencyCode", "Currencies", SameCompany: false),
        new ReferenceRule("SalesOrderLines", "SalesOrderNumber", "SalesOrderHeadersV2", SameCompany: true),
        new ReferenceRule("SalesOrderLines", "ProductNumber", "CDSReleasedDistinctProducts", SameCompany: true),
        new ReferenceRule("SalesOrderLines", "CurrencyCode", "Currencies", SameCompany: false),
    };

    /// <summary>Problems of the rules against a schema (unknown sets or fields, target keys of the wrong shape), all at once.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<ReferenceRule> rules, FinOpsSchema schema)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        foreach (var rule in rules)
        {
            var source = schema.Find(rule.EntitySet);
            var target = schema.Find(rule.TargetEntitySet);
            if (source is null || target is null)
            {
                problems.Add(rule + ": the schema has no entity set " + (source is null ? rule.EntitySet : rule.TargetEntitySet) + ".");
                continue;
            }

            if (source.FindField(rule.Field) is null)
            {
                problems.Add(rule + ": " + rule.EntitySet + " has no field " + rule.Field + ".");
            }

            if (rule.SameCompany && !source.IsCompanySpecific)
            {
                problems.Add(rule + ": " + rule.EntitySet + " has no company to share.");
            }

            var expectedKeys = rule.SameCompany ? 2 : 1;
            if (target.KeyFields.Count != expectedKeys || (rule.SameCompany && !target.IsCompanySpecific))
            {
                problems.Add(rule + ": " + rule.TargetEntitySet + "'s key (" + string.Join(",", target.KeyFields.Select(k => k.Name)) + ") is not "
                    + (rule.SameCompany ? "dataAreaId plus one field." : "one field."));
            }
        }

        return problems;
    }
}
