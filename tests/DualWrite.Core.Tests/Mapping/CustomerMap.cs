using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>A reduced Customers V3 ↔ accounts map (protocols.md section 4) exercising every transform kind.</summary>
internal static class CustomerMap
{
    public const string Json = """
        {
          "schemaVersion": 1,
          "name": "Customers V3",
          "direction": "TwoWay",
          "finOps": { "entitySet": "CustomersV3", "key": ["dataAreaId", "CustomerAccount"], "filter": "PartyType eq 'Organization'" },
          "dataverse": { "entitySet": "accounts", "logicalName": "account", "key": ["msdyn_company", "accountnumber"], "filter": "customertypecode eq 3" },
          "company": {},
          "fields": [
            { "finOps": "CustomerAccount", "dataverse": "accountnumber" },
            { "finOps": "OrganizationName", "dataverse": "name",
              "transforms": [ { "kind": "maxLength", "length": 20, "onOverflow": "error", "direction": "DataverseToFinOps" } ] },
            { "finOps": "CustomerGroupId", "dataverse": "msdyn_customergroupid",
              "lookup": { "entitySet": "msdyn_customergroups", "logicalName": "msdyn_customergroup", "keyField": "msdyn_groupid", "companySpecific": true } },
            { "finOps": "SalesCurrencyCode", "dataverse": "transactioncurrencyid",
              "lookup": { "entitySet": "transactioncurrencies", "logicalName": "transactioncurrency", "keyField": "isocurrencycode", "companySpecific": false } },
            { "finOps": "CreditLimit", "dataverse": "creditlimit", "finOpsType": "decimal", "dataverseType": "money" },
            { "finOps": "CreditLimitIsMandatory", "dataverse": "msdyn_creditlimitismandatory", "finOpsType": "enum", "dataverseType": "bool",
              "valueMap": { "entries": [ { "finOps": "No", "dataverse": false }, { "finOps": "Yes", "dataverse": true } ] } },
            { "finOps": "OnHoldStatus", "dataverse": "msdyn_onholdstatus", "finOpsType": "enum", "dataverseType": "choice",
              "valueMap": { "entries": [ { "finOps": "No", "dataverse": 192350000 }, { "finOps": "All", "dataverse": 192350002 } ] } },
            { "finOps": "SalesMemo", "dataverse": "description" },
            { "finOps": "DeliveryAddressLatitude", "dataverse": "address1_latitude", "type": "decimal", "direction": "FinOpsToDataverse" },
            { "finOps": "LanguageId", "default": "en-us" },
            { "dataverse": "customertypecode", "dataverseType": "choice", "constant": 3 }
          ]
        }
        """;

    public static TableMap Load()
    {
        var result = MapLoader.Load(Json, "customers-v3.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Map!;
    }
}
