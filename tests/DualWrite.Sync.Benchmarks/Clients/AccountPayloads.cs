using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Sync.Benchmarks.Clients;

/// <summary>
/// The rows the sync writes, built by the benchmark's own minimal client: F&amp;O's organization customers (read
/// before timing starts) as account bodies with the customer map's main columns and its lookups bound by id, the
/// ids read once from the Dataverse reference data, as a bulk client with a lookup cache sends them.
/// </summary>
public static class AccountPayloads
{
    private const string Select = "dataAreaId,CustomerAccount,OrganizationName,CustomerGroupId,CreditLimit,PaymentTerms,SalesCurrencyCode," +
        "PrimaryContactEmail,PrimaryContactPhone,DeliveryAddressCity,DeliveryAddressCountryRegionISOCode,DeliveryAddressState," +
        "DeliveryAddressStreet,DeliveryAddressZipCode";

    /// <summary>Every organization customer of the F&amp;O emulator as a CreateMultiple target, in F&amp;O's order; at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(HttpClient finOps, HttpClient dataverse, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(finOps);
        ArgumentNullException.ThrowIfNull(dataverse);
        var companies = await IdsAsync(dataverse, "cdm_companies?$select=cdm_companyid,cdm_companycode", "cdm_companyid", o => Text(o, "cdm_companycode").ToLowerInvariant()).ConfigureAwait(false);
        var groups = await IdsAsync(dataverse, "msdyn_customergroups?$select=msdyn_customergroupid,msdyn_groupid,_msdyn_company_value", "msdyn_customergroupid", o => Text(o, "_msdyn_company_value") + "|" + Text(o, "msdyn_groupid")).ConfigureAwait(false);
        var currencies = await IdsAsync(dataverse, "transactioncurrencies?$select=transactioncurrencyid,isocurrencycode", "transactioncurrencyid", o => Text(o, "isocurrencycode")).ConfigureAwait(false);

        var payloads = new List<string>();
        string? next = "CustomersV3?cross-company=true&$filter=PartyType eq 'Organization'&$select=" + Select;
        while (next is not null && payloads.Count < limit)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", "odata.maxpagesize=10000");
            using var response = await finOps.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;
            foreach (var row in page["value"]!.AsArray())
            {
                if (payloads.Count >= limit)
                {
                    break;
                }

                payloads.Add(ToAccount(row!.AsObject(), companies, groups, currencies));
            }

            next = page["@odata.nextLink"]?.GetValue<string>();
        }

        return payloads;
    }

    private static string ToAccount(JsonObject row, Dictionary<string, string> companies, Dictionary<string, string> groups, Dictionary<string, string> currencies)
    {
        var company = companies[Text(row, "dataAreaId").ToLowerInvariant()];
        var account = new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.account",
            ["accountnumber"] = Text(row, "CustomerAccount"),
            ["name"] = Text(row, "OrganizationName"),
            ["creditlimit"] = row["CreditLimit"]?.GetValue<decimal>() ?? 0m,
            ["emailaddress1"] = Text(row, "PrimaryContactEmail"),
            ["telephone1"] = Text(row, "PrimaryContactPhone"),
            ["address1_city"] = Text(row, "DeliveryAddressCity"),
            ["address1_country"] = Text(row, "DeliveryAddressCountryRegionISOCode"),
            ["address1_stateorprovince"] = Text(row, "DeliveryAddressState"),
            ["address1_line1"] = Text(row, "DeliveryAddressStreet"),
            ["address1_postalcode"] = Text(row, "DeliveryAddressZipCode"),
            ["customertypecode"] = 3,
            ["address1_addresstypecode"] = 2,
            ["msdyn_company@odata.bind"] = "/cdm_companies(" + company + ")",
        };
        if (groups.TryGetValue(company + "|" + Text(row, "CustomerGroupId"), out var group))
        {
            account["msdyn_customergroupid@odata.bind"] = "/msdyn_customergroups(" + group + ")";
        }

        if (currencies.TryGetValue(Text(row, "SalesCurrencyCode"), out var currency))
        {
            account["transactioncurrencyid@odata.bind"] = "/transactioncurrencies(" + currency + ")";
        }

        return account.ToJsonString();
    }

    private static async Task<Dictionary<string, string>> IdsAsync(HttpClient dataverse, string query, string idColumn, Func<JsonObject, string> keyOf)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var response = await dataverse.GetAsync(query).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        foreach (var row in JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!["value"]!.AsArray())
        {
            ids[keyOf(row!.AsObject())] = Text(row.AsObject(), idColumn);
        }

        return ids;
    }

    private static string Text(JsonObject row, string name) => row[name] switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    /// <summary>A unique account number for rows a client makes up (reconcile's extra records).</summary>
    public static string ExtraAccountNumber(int k) => "BENCH-" + k.ToString("D6", CultureInfo.InvariantCulture);
}
