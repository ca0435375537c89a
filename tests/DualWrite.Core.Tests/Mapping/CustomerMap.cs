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
          "fno": { "entitySet": "CustomersV3", "key": ["dataAreaId", "CustomerAccount"], "filter": "PartyType eq 'Organization'" },
          "dataverse": { "entitySet": "accounts", "logicalName": "account", "key": ["msdyn_company", "accountnumber"], "filter": "customertypecode eq 3" },
          "company": {},
          "fields": [
            { "fno": "CustomerAccount", "dataverse": "accountnumber" },
            { "fno": "OrganizationName", "dataverse": "name",
              "transforms": [ { "kind": "maxLength", "length": 20, "onOverflow": "error", "direction": "DataverseToFnO" } ] },
            { "fno": "CustomerGroupId", "dataverse": "msdyn_customergroupid",
              "lookup": { "entitySet": "msdyn_customergroups", "logicalName": "msdyn_customergroup", "keyField": "msdyn_groupid", "companySpecific": true } },
            { "fno": "SalesCurrencyCode", "dataverse": "transactioncurrencyid",
              "lookup": { "entitySet": "transactioncurrencies", "logicalName": "transactioncurrency", "keyField": "isocurrencycode", "companySpecific": false } },
            { "fno": "CreditLimit", "dataverse": "creditlimit", "fnoType": "decimal", "dataverseType": "money" },
            { "fno": "CreditLimitIsMandatory", "dataverse": "msdyn_creditlimitismandatory", "fnoType": "enum", "dataverseType": "bool",
              "valueMap": { "entries": [ { "fno": "No", "dataverse": false }, { "fno": "Yes", "dataverse": true } ] } },
            { "fno": "OnHoldStatus", "dataverse": "msdyn_onholdstatus", "fnoType": "enum", "dataverseType": "choice",
              "valueMap": { "entries": [ { "fno": "No", "dataverse": 192350000 }, { "fno": "All", "dataverse": 192350002 } ] } },
            { "fno": "SalesMemo", "dataverse": "description" },
            { "fno": "DeliveryAddressLatitude", "dataverse": "address1_latitude", "type": "decimal", "direction": "FnOToDataverse" },
            { "fno": "LanguageId", "default": "en-us" },
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
