using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DualWrite.Chaos.Records;

/// <summary>
/// How the run reaches one table on each side: entity sets, record addresses, create bodies and the fields it
/// changes. Every record lives in company usmf; keys carry the run's prefix so the checks find exactly its records.
/// </summary>
public sealed class EntityShape
{
    public const string Company = "usmf";

    /// <summary>The seeded customer group chaos customers belong to, and the seeded vendor chaos contacts belong to.</summary>
    public const string SeededGroup = "10";

    public const string SeededVendor = "V-0001";

    private EntityShape(ChaosEntity entity, string map, string finOpsSet, string finOpsKeyField, string dataverseSet, string dataverseKeyColumn, string keyPrefix, IReadOnlyList<FieldPair> fields)
    {
        Entity = entity;
        Map = map;
        FinOpsSet = finOpsSet;
        FinOpsKeyField = finOpsKeyField;
        DataverseSet = dataverseSet;
        DataverseKeyColumn = dataverseKeyColumn;
        KeyPrefix = keyPrefix;
        Fields = fields;
    }

    public static EntityShape Customer { get; } = new(ChaosEntity.Customer, "Customers V3", "CustomersV3", "CustomerAccount", "accounts", "accountnumber", "K", new FieldPair[]
    {
        new("OrganizationName", "name", "Chaos org {0}"),
        new("PrimaryContactEmail", "emailaddress1", "o{0}@chaos.example"),
        new("PrimaryContactPhone", "telephone1", "+1 555 {0}"),
        new("SalesMemo", "description", "memo {0}"),
        new("DeliveryAddressCity", "address1_city", "City {0}"),
    });

    public static EntityShape Contact { get; } = new(ChaosEntity.Contact, "Contacts", "CDSContactPersonsV2", "ContactPersonId", "contacts", "msdyn_contactpersonid", "P", new FieldPair[]
    {
        new("FirstName", "firstname", "First {0}"),
        new("MiddleName", "middlename", "M{0}"),
        new("Notes", "description", "note {0}"),
        new("EmploymentProfession", "jobtitle", "title {0}"),
    });

    public static EntityShape CustomerGroup { get; } = new(ChaosEntity.CustomerGroup, "Customer groups", "CustomerGroups", "CustomerGroupId", "msdyn_customergroups", "msdyn_groupid", "G", new FieldPair[]
    {
        new("Description", "msdyn_description", "Group {0}"),
    });

    public static IReadOnlyList<EntityShape> All { get; } = new[] { Customer, Contact, CustomerGroup };

    public ChaosEntity Entity { get; }

    /// <summary>The map's name (for reconcile).</summary>
    public string Map { get; }

    public string FinOpsSet { get; }

    /// <summary>The F&amp;O field that holds the integration key (with dataAreaId).</summary>
    public string FinOpsKeyField { get; }

    public string DataverseSet { get; }

    /// <summary>The Dataverse column that holds the integration key (with the company lookup).</summary>
    public string DataverseKeyColumn { get; }

    /// <summary>First letter of this table's chaos keys.</summary>
    public string KeyPrefix { get; }

    public IReadOnlyList<FieldPair> Fields { get; }

    /// <summary>
    /// Whether the run updates and deletes this table from Dataverse and deletes it from F&amp;O. Not for contacts:
    /// the Contacts map keys them by ContactPersonId while F&amp;O addresses CDSContactPersonsV2 by
    /// (dataAreaId, ContactPersonPartyNumber, AssociatedContactType, AssociatedContactNumber), so the plug-in's
    /// updates and deletes are refused by F&amp;O and F&amp;O's delete events fail in the listener (reported defect).
    /// </summary>
    public bool SupportsDataverseUpdateAndDeletes => Entity != ChaosEntity.Contact;

    /// <summary>Keys the run makes: table letter, run tag, number (F&amp;O's customer group ids hold 10 characters).</summary>
    public string KeyFor(string runTag, int number) => Entity == ChaosEntity.CustomerGroup
        ? KeyPrefix + runTag[..Math.Min(3, runTag.Length)] + number.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)
        : KeyPrefix + runTag + "-" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public string KeyStart(string runTag) => Entity == ChaosEntity.CustomerGroup ? KeyPrefix + runTag[..Math.Min(3, runTag.Length)] : KeyPrefix + runTag + "-";

    /// <summary>F&amp;O's address of a record (relative to /data/).</summary>
    public string FinOpsAddress(string key) => Entity == ChaosEntity.Contact
        ? FinOpsSet + "(dataAreaId='" + Company + "',ContactPersonPartyNumber='" + PartyNumber(key) + "',AssociatedContactType='Vendor',AssociatedContactNumber='" + SeededVendor + "')"
        : FinOpsSet + "(dataAreaId='" + Company + "'," + FinOpsKeyField + "='" + key + "')";

    /// <summary>Dataverse's address of a record by its alternate key (relative to the service root).</summary>
    public string DataverseAddress(string key, Guid company) =>
        DataverseSet + "(" + DataverseKeyColumn + "='" + key + "',_msdyn_company_value=" + company.ToString("D") + ")";

    public static string PartyNumber(string key) => "PN" + key;

    /// <summary>A create in F&amp;O with the first field set to <paramref name="value"/>.</summary>
    public JsonObject FinOpsCreate(string key, string value)
    {
        var body = new JsonObject { ["dataAreaId"] = Company, [FinOpsKeyField] = key, [Fields[0].FinOps] = value };
        switch (Entity)
        {
            case ChaosEntity.Customer:
                body["CustomerGroupId"] = SeededGroup;
                body["PartyType"] = "Organization";
                body["SalesCurrencyCode"] = "USD";
                body["LanguageId"] = "en-us";
                break;
            case ChaosEntity.Contact:
                body["ContactPersonPartyNumber"] = PartyNumber(key);
                body["AssociatedContactType"] = "Vendor";
                body["AssociatedContactNumber"] = SeededVendor;
                body["LastName"] = "Chaos";
                break;
        }

        return body;
    }

    /// <summary>A create in Dataverse with the first field set to <paramref name="value"/>; lookups bound by alternate key.</summary>
    public JsonObject DataverseCreate(string key, string value, Guid company, bool formDefaults = false)
    {
        var body = new JsonObject
        {
            [DataverseKeyColumn] = key,
            [Fields[0].Dataverse] = value,
            ["msdyn_company@odata.bind"] = "/cdm_companies(" + company.ToString("D") + ")",
        };
        switch (Entity)
        {
            case ChaosEntity.Customer:
                body["customertypecode"] = 3;
                body["msdyn_customergroupid@odata.bind"] = "/msdyn_customergroups(msdyn_groupid='" + SeededGroup + "',_msdyn_company_value=" + company.ToString("D") + ")";
                if (formDefaults)
                {
                    body["creditlimit"] = 0;
                    body["msdyn_creditlimitismandatory"] = false;
                    body["msdyn_onholdstatus"] = 192350000;
                    body["msdyn_onetimecustomer"] = false;
                }

                break;
            case ChaosEntity.CustomerGroup when formDefaults:
                body["msdyn_issalestaxincludedinprice"] = false;
                break;
            case ChaosEntity.Contact:
                body["lastname"] = "Chaos";
                body["msdyn_partynumber"] = PartyNumber(key);
                body["msdyn_contactforvendor"] = true;
                body["msdyn_vendorcontactid@odata.bind"] = "/msdyn_vendors(msdyn_vendoraccountnumber='" + SeededVendor + "',_msdyn_company_value=" + company.ToString("D") + ")";
                break;
        }

        return body;
    }
}
