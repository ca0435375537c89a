using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Throughput;

/// <summary>
/// The reference data an account points at (companies, their customer groups, currencies), read once, and the
/// account bodies built from it with the customer map's main columns, as a bulk client with a lookup cache sends them.
/// </summary>
public sealed class AccountReferences
{
    private readonly List<string> _companies;
    private readonly Dictionary<string, List<string>> _groups;
    private readonly List<string> _currencies;

    private AccountReferences(List<string> companies, Dictionary<string, List<string>> groups, List<string> currencies)
    {
        _companies = companies;
        _groups = groups;
        _currencies = currencies;
    }

    public static async Task<AccountReferences> ReadAsync(HttpClient http)
    {
        var companies = (await ValuesAsync(http, "cdm_companies?$select=cdm_companyid").ConfigureAwait(false)).Select(o => (string)o["cdm_companyid"]!).ToList();
        var groups = (await ValuesAsync(http, "msdyn_customergroups?$select=msdyn_customergroupid,_msdyn_company_value").ConfigureAwait(false))
            .GroupBy(o => (string?)o["_msdyn_company_value"] ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.Select(o => (string)o["msdyn_customergroupid"]!).ToList(), StringComparer.OrdinalIgnoreCase);
        var currencies = (await ValuesAsync(http, "transactioncurrencies?$select=transactioncurrencyid").ConfigureAwait(false)).Select(o => (string)o["transactioncurrencyid"]!).ToList();
        return new AccountReferences(companies, groups, currencies);
    }

    public AccountRow Account(string number, int i, bool byKey, int change)
    {
        var company = _companies[i % _companies.Count];
        var body = new JsonObject
        {
            ["name"] = "Throughput " + number + (change == 0 ? string.Empty : " v" + change.ToString(CultureInfo.InvariantCulture)),
            ["creditlimit"] = 1000m + i + change,
            ["emailaddress1"] = number.ToLowerInvariant() + "@example.com",
            ["telephone1"] = "+1 555 " + i.ToString("D7", CultureInfo.InvariantCulture),
            ["address1_city"] = "Seattle",
            ["address1_country"] = "USA",
            ["address1_stateorprovince"] = "WA",
            ["address1_line1"] = i.ToString(CultureInfo.InvariantCulture) + " Main Street",
            ["address1_postalcode"] = "98052",
            ["customertypecode"] = 3,
            ["address1_addresstypecode"] = 2,
        };
        if (!byKey)
        {
            body["accountnumber"] = number;
            body["msdyn_company@odata.bind"] = "/cdm_companies(" + company + ")";
        }

        if (_groups.TryGetValue(company, out var groups) && groups.Count > 0)
        {
            body["msdyn_customergroupid@odata.bind"] = "/msdyn_customergroups(" + groups[i % groups.Count] + ")";
        }

        if (_currencies.Count > 0)
        {
            body["transactioncurrencyid@odata.bind"] = "/transactioncurrencies(" + _currencies[i % _currencies.Count] + ")";
        }

        var keyPath = "accounts(msdyn_company=" + company + ",accountnumber='" + number + "')";
        var target = (JsonObject)body.DeepClone();
        target.Insert(0, "@odata.type", "Microsoft.Dynamics.CRM.account");
        if (byKey)
        {
            target.Insert(1, "@odata.id", keyPath);
        }

        return new AccountRow(body.ToJsonString(), keyPath, target.ToJsonString());
    }

    /// <summary>The same account as an SDK entity, for the engine without HTTP.</summary>
    public Entity AccountEntity(string number, int i)
    {
        var company = _companies[i % _companies.Count];
        var entity = new Entity("account")
        {
            ["accountnumber"] = number,
            ["name"] = "Throughput " + number,
            ["creditlimit"] = 1000m + i,
            ["emailaddress1"] = number.ToLowerInvariant() + "@example.com",
            ["telephone1"] = "+1 555 " + i.ToString("D7", CultureInfo.InvariantCulture),
            ["address1_city"] = "Seattle",
            ["address1_line1"] = i.ToString(CultureInfo.InvariantCulture) + " Main Street",
            ["customertypecode"] = new OptionSetValue(3),
            ["msdyn_company"] = new EntityReference("cdm_company", Guid.Parse(company)),
        };
        if (_groups.TryGetValue(company, out var groups) && groups.Count > 0)
        {
            entity["msdyn_customergroupid"] = new EntityReference("msdyn_customergroup", Guid.Parse(groups[i % groups.Count]));
        }

        if (_currencies.Count > 0)
        {
            entity["transactioncurrencyid"] = new EntityReference("transactioncurrency", Guid.Parse(_currencies[i % _currencies.Count]));
        }

        return entity;
    }

    private static async Task<List<JsonObject>> ValuesAsync(HttpClient http, string query)
    {
        using var response = await http.GetAsync(query).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;
        return page["value"]!.AsArray().Select(n => n!.AsObject()).ToList();
    }
}
