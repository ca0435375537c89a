using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Seed;

/// <summary>
/// Generates seed records as a stream, deterministically: ids come from the random seed, references are
/// computed (the k-th account of a company is PREFIX-k, like the F&amp;O emulator's customers), so nothing is
/// kept between records and a million accounts never exist as a list.
/// </summary>
#pragma warning disable CA5394 // Random makes repeatable test data, not secrets.
public sealed class DataverseSeedGenerator
{
    private static readonly (string Code, string Name, string Prefix, string Currency)[] Companies =
    [
        ("usmf", "Contoso Entertainment System USA", "US", "USD"),
        ("usrt", "Contoso Retail USA", "RT", "USD"),
        ("demf", "Contoso Entertainment System Germany", "DE", "EUR"),
    ];

    private static readonly (string Code, string Name, string Symbol, decimal Rate)[] Currencies =
    [
        ("USD", "US Dollar", "$", 1m), ("EUR", "Euro", "€", 0.92m), ("GBP", "Pound Sterling", "£", 0.79m), ("CAD", "Canadian Dollar", "$", 1.36m),
        ("JPY", "Yen", "¥", 151m), ("DKK", "Danish Krone", "kr", 6.9m), ("CHF", "Swiss Franc", "Fr", 0.9m), ("AUD", "Australian Dollar", "$", 1.52m),
    ];

    private static readonly (string Id, string Description)[] CustomerGroups =
    [
        ("10", "Wholesale customers"), ("20", "Major customers"), ("30", "Retail customers"), ("40", "Internet customers"), ("80", "Other customers"),
    ];

    /// <summary>Vendor groups of every company: the F&amp;O seed's vendors are in group 10, and no map syncs the groups.</summary>
    private static readonly (string Id, string Description)[] VendorGroups =
    [
        ("10", "Local vendors"), ("20", "Foreign vendors"), ("30", "Intercompany vendors"),
    ];

    private static readonly string[] PaymentTerms = ["Net10", "Net30", "Net60"];

    private static readonly string[] NameStarts = ["Northwind", "Contoso", "Fabrikam", "Adventure", "Alpine", "Blue Yonder", "Coho", "Litware", "Lucerne", "Proseware"];

    private static readonly string[] NameEnds = ["Traders", "Supplies", "Foods", "Motors", "Electronics", "Outfitters", "Logistics", "Systems"];

    private static readonly string[] FirstNames = ["Ana", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo"];

    private static readonly string[] LastNames = ["Adams", "Becker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hansen"];

    private static readonly string[] Cities = ["Seattle", "Redmond", "Chicago", "Dallas", "Berlin", "Hamburg"];

    private readonly DataverseSeedOptions _options;

    public DataverseSeedGenerator(DataverseSeedOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The account number of the k-th (0-based) account of company <paramref name="company"/> (0 usmf, 1 usrt, 2 demf).</summary>
    public static string AccountNumber(int company, int k) => Companies[company].Prefix + "-" + (k + 1).ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Every record, references before the records that point at them.</summary>
    public IEnumerable<Entity> Records()
    {
        if (_options.IncludeReferenceData)
        {
            foreach (var record in ReferenceData())
            {
                yield return record;
            }
        }

        var random = new Random(_options.RandomSeed);
        for (var i = 0; i < _options.Accounts; i++)
        {
            var c = i % Companies.Length;
            var company = Companies[c];
            yield return new Entity("account", NextId(random))
            {
                ["accountnumber"] = AccountNumber(c, i / Companies.Length),
                ["name"] = NameStarts[random.Next(NameStarts.Length)] + " " + NameEnds[random.Next(NameEnds.Length)],
                ["msdyn_company"] = CompanyRef(c),
                ["msdyn_customergroupid"] = new EntityReference("msdyn_customergroup", ReferenceId("msdyn_customergroup", company.Code, CustomerGroups[i % CustomerGroups.Length].Id)),
                ["transactioncurrencyid"] = new EntityReference("transactioncurrency", ReferenceId("transactioncurrency", company.Currency)),
                ["customertypecode"] = new OptionSetValue(3),
                ["creditlimit"] = random.Next(0, 20) * 5000m,
                ["address1_city"] = Cities[random.Next(Cities.Length)],
                ["emailaddress1"] = "contact" + i.ToString(CultureInfo.InvariantCulture) + "@example.com",
            };
        }

        for (var i = 0; i < _options.Contacts; i++)
        {
            var c = i % Companies.Length;
            yield return new Entity("contact", NextId(random))
            {
                ["msdyn_contactpersonid"] = "CP-" + (i + 1).ToString("D5", CultureInfo.InvariantCulture),
                ["firstname"] = FirstNames[random.Next(FirstNames.Length)],
                ["lastname"] = LastNames[random.Next(LastNames.Length)],
                ["msdyn_company"] = CompanyRef(c),
            };
        }

        for (var i = 0; i < _options.Products; i++)
        {
            var c = i % Companies.Length;
            var number = "P-" + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            yield return new Entity("product", NextId(random))
            {
                ["productnumber"] = number,
                ["msdyn_productnumber"] = number,
                ["name"] = "Product " + number,
                ["quantitydecimal"] = 2,
                ["msdyn_company"] = CompanyRef(c),
                ["defaultuomid"] = new EntityReference("uom", ReferenceId("uom", "ea")),
                ["transactioncurrencyid"] = new EntityReference("transactioncurrency", ReferenceId("transactioncurrency", Companies[c].Currency)),
            };
        }
    }

    private IEnumerable<Entity> ReferenceData()
    {
        for (var c = 0; c < Companies.Length; c++)
        {
            yield return new Entity("cdm_company", ReferenceId("cdm_company", Companies[c].Code)) { ["cdm_companycode"] = Companies[c].Code, ["cdm_name"] = Companies[c].Name };
        }

        foreach (var (code, name, symbol, rate) in Currencies)
        {
            yield return new Entity("transactioncurrency", ReferenceId("transactioncurrency", code))
            {
                ["isocurrencycode"] = code, ["currencyname"] = name, ["currencysymbol"] = symbol, ["exchangerate"] = rate,
            };
        }

        yield return new Entity("uom", ReferenceId("uom", "ea")) { ["name"] = "Each", ["msdyn_symbol"] = "ea" };
        yield return new Entity("uom", ReferenceId("uom", "pcs")) { ["name"] = "Pieces", ["msdyn_symbol"] = "pcs" };
        for (var c = 0; c < Companies.Length; c++)
        {
            foreach (var term in PaymentTerms)
            {
                yield return new Entity("msdyn_paymentterm", ReferenceId("msdyn_paymentterm", Companies[c].Code, term)) { ["msdyn_name"] = term, ["msdyn_company"] = CompanyRef(c) };
            }

            foreach (var (id, description) in VendorGroups)
            {
                yield return new Entity("msdyn_vendorgroup", ReferenceId("msdyn_vendorgroup", Companies[c].Code, id))
                {
                    ["msdyn_vendorgroup"] = id,
                    ["msdyn_description"] = description,
                    ["msdyn_company"] = CompanyRef(c),
                };
            }

            foreach (var (id, description) in CustomerGroups)
            {
                yield return new Entity("msdyn_customergroup", ReferenceId("msdyn_customergroup", Companies[c].Code, id))
                {
                    ["msdyn_groupid"] = id,
                    ["msdyn_description"] = description,
                    ["msdyn_company"] = CompanyRef(c),
                    ["msdyn_paymenttermid"] = new EntityReference("msdyn_paymentterm", ReferenceId("msdyn_paymentterm", Companies[c].Code, "Net30")),
                };
            }
        }
    }

    private static EntityReference CompanyRef(int company) => new("cdm_company", ReferenceId("cdm_company", Companies[company].Code));

    /// <summary>A stable id for a reference record from its table and key (the same in every run).</summary>
    public static Guid ReferenceId(string table, params string[] key)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(table + "|" + string.Join("|", key)));
        return new Guid(bytes.AsSpan(0, 16));
    }

    private static Guid NextId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
