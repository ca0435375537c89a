using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Seed;

/// <summary>
/// Generates seed rows, deterministically from <see cref="SeedOptions.RandomSeed"/>, as streams (one row
/// at a time) so a million customers never exist twice in memory. Rows reference each other by formula
/// (the k-th customer of a company is PREFIX-k), so lines find their orders and orders their customers
/// without the generator keeping any of them. Text values come from small pools of shared string
/// instances: a generated customer owns one string (its account), which keeps rows compact.
/// </summary>
#pragma warning disable CA5394 // Random is for repeatable test data, not security.
internal sealed class SeedDataGenerator
{
    private static readonly SeedCompany[] Companies =
    {
        new("usmf", "Contoso Entertainment System USA", "US", "USD", "USA", "en-us", new SeedAddress[]
        {
            new("Seattle", "WA", "98101"), new("Redmond", "WA", "98052"), new("Chicago", "IL", "60601"),
            new("New York", "NY", "10001"), new("Austin", "TX", "73301"), new("Atlanta", "GA", "30301"),
        }),
        new("usrt", "Contoso Retail USA", "RT", "USD", "USA", "en-us", new SeedAddress[]
        {
            new("Dallas", "TX", "75201"), new("Denver", "CO", "80202"), new("Boston", "MA", "02108"), new("Miami", "FL", "33101"),
        }),
        new("demf", "Contoso Entertainment System Germany", "DE", "EUR", "DEU", "de", new SeedAddress[]
        {
            new("Berlin", "BE", "10115"), new("München", "BY", "80331"), new("Hamburg", "HH", "20095"), new("Köln", "NW", "50667"),
        }),
    };

    private static readonly (string Code, string Name, string Symbol)[] Currencies =
    {
        ("USD", "US Dollar", "$"), ("EUR", "Euro", "€"), ("GBP", "Pound Sterling", "£"), ("CAD", "Canadian Dollar", "$"),
        ("JPY", "Yen", "¥"), ("DKK", "Danish Krone", "kr"), ("CHF", "Swiss Franc", "Fr"), ("AUD", "Australian Dollar", "$"),
    };

    private static readonly (string Id, string Description)[] CustomerGroups =
    {
        ("10", "Wholesale customers"), ("20", "Major customers"), ("30", "Retail customers"), ("40", "Internet customers"), ("80", "Other customers"),
    };

    private static readonly string[] NameStarts =
    {
        "Northwind", "Contoso", "Fabrikam", "Adventure", "Alpine", "Blue Yonder", "Coho", "Litware", "Lucerne", "Margie's",
        "Proseware", "Southridge", "Tailspin", "Wide World", "Woodgrove", "Trey", "Humongous", "Graphic", "Fourth Coffee", "Datum",
    };

    private static readonly string[] NameMiddles = { "Traders", "Supplies", "Foods", "Motors", "Electronics", "Outfitters", "Logistics", "Systems", "Design", "Holdings" };

    private static readonly string[] NameEnds = { "Inc.", "Ltd.", "LLC", "GmbH", "Corp." };

    private static readonly string[] FirstNames = { "Ana", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Kara", "Liam", "Mia", "Noah", "Olga", "Paul" };

    private static readonly string[] LastNames = { "Adams", "Becker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jones", "Klein", "Lopez", "Meyer", "Novak", "Olsen", "Park" };

    private static readonly string[] ProductWords = { "Speaker", "Amplifier", "Headphones", "Receiver", "Projector", "Subwoofer", "Turntable", "Microphone", "Cable", "Mixer" };

    private static readonly string[] StreetNames = { "Main Street", "Oak Avenue", "Pine Road", "Lake Drive", "Hill Street", "Park Lane", "River Road", "Elm Street", "Market Street", "Bahnhofstraße" };

    private static readonly object[] CreditLimits = { 0m, 5000m, 10000m, 25000m, 50000m, 100000m };

    private static readonly DateTimeOffset FirstShippingDate = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly SeedOptions _options;
    private readonly FinOpsSchema _schema;
    private readonly Func<string> _nextComputedKey;
    private readonly string[] _names;
    private readonly string[] _emails;
    private readonly string[] _phones;
    private readonly string[] _streets;

    public SeedDataGenerator(SeedOptions options, FinOpsSchema schema, Func<string> nextComputedKey)
    {
        _options = options;
        _schema = schema;
        _nextComputedKey = nextComputedKey;
        _names = (from start in NameStarts from middle in NameMiddles from end in NameEnds select start + " " + middle + " " + end).ToArray();
        _emails = _names.Select(n => "sales@" + new string(n.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant() + ".example.com").ToArray();
        _phones = Enumerable.Range(0, 500).Select(i => "+1 425-555-" + i.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        _streets = Enumerable.Range(0, 1000).Select(i => ((i * 7 % 900) + 1).ToString(CultureInfo.InvariantCulture) + " " + StreetNames[i % StreetNames.Length]).ToArray();
    }

    /// <summary>Entity sets in load order: a row's references are loaded before it.</summary>
    public IEnumerable<(EntitySetSchema Set, IEnumerable<object?[]> Rows)> All()
    {
        if (_options.IncludeReferenceData)
        {
            yield return (_schema.Get("LegalEntities"), LegalEntities());
            yield return (_schema.Get("Currencies"), CurrencyRows());
            yield return (_schema.Get("CustomerGroups"), CustomerGroupRows());
        }

        yield return (_schema.Get("CustomersV3"), Customers());
        yield return (_schema.Get("VendorsV2"), Vendors());
        yield return (_schema.Get("CDSContactPersonsV2"), Contacts());
        yield return (_schema.Get("CDSReleasedDistinctProducts"), Products());
        yield return (_schema.Get("SalesOrderHeadersV2"), SalesOrderHeaders());
        yield return (_schema.Get("SalesOrderLines"), SalesOrderLines());
    }

    /// <summary>The account of the k-th (from 0) customer of a company: US-001, US-002...</summary>
    public static string CustomerAccount(int company, int k) => Companies[company].Prefix + "-" + (k + 1).ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>
    /// Every tenth customer of a company is a person, decided by position rather than at random so the sales
    /// orders can pick organizations: the customer map syncs organizations only, and an order must find its customer.
    /// </summary>
    private static bool IsPersonCustomer(int k) => k % 10 == 9;

    /// <summary>The k-th customer of a company if it is an organization, else the organization just before it.</summary>
    private static int OrganizationCustomer(int k) => IsPersonCustomer(k) ? k - 1 : k;

    private static int CountIn(int total, int company) => Math.Max(0, (total - company + Companies.Length - 1) / Companies.Length);

    private static string VendorAccount(int k) => "V-" + (k + 1).ToString("D4", CultureInfo.InvariantCulture);

    private static string ProductNumber(int k) => "P-" + (k + 1).ToString("D4", CultureInfo.InvariantCulture);

    private static string SalesOrderNumber(int k) => "SO-" + (k + 1).ToString("D6", CultureInfo.InvariantCulture);

    private Random RandomFor(int stream) => new(HashCode.Combine(_options.RandomSeed, stream) & int.MaxValue);

    private IEnumerable<object?[]> LegalEntities()
    {
        var set = _schema.Get("LegalEntities");
        foreach (var company in Companies)
        {
            var row = FieldValues.NewRow(set);
            row[Index(set, "LegalEntityId")] = company.Id;
            row[Index(set, "Name")] = company.Name;
            yield return row;
        }
    }

    private IEnumerable<object?[]> CurrencyRows()
    {
        var set = _schema.Get("Currencies");
        foreach (var (code, name, symbol) in Currencies)
        {
            var row = FieldValues.NewRow(set);
            row[Index(set, "CurrencyCode")] = code;
            row[Index(set, "Name")] = name;
            row[Index(set, "Symbol")] = symbol;
            yield return row;
        }
    }

    private IEnumerable<object?[]> CustomerGroupRows()
    {
        var set = _schema.Get("CustomerGroups");
        foreach (var company in Companies)
        {
            foreach (var (id, description) in CustomerGroups)
            {
                var row = FieldValues.NewRow(set);
                row[Index(set, "dataAreaId")] = company.Id;
                row[Index(set, "CustomerGroupId")] = id;
                row[Index(set, "Description")] = description;
                row[Index(set, "PaymentTermId")] = "Net30";
                yield return row;
            }
        }
    }

    private IEnumerable<object?[]> Customers()
    {
        var set = _schema.Get("CustomersV3");
        int company = Index(set, "dataAreaId"), account = Index(set, "CustomerAccount"), name = Index(set, "OrganizationName"),
            partyType = Index(set, "PartyType"), group = Index(set, "CustomerGroupId"), creditLimit = Index(set, "CreditLimit"),
            mandatory = Index(set, "CreditLimitIsMandatory"), terms = Index(set, "PaymentTerms"), currency = Index(set, "SalesCurrencyCode"),
            onHold = Index(set, "OnHoldStatus"), email = Index(set, "PrimaryContactEmail"), phone = Index(set, "PrimaryContactPhone"),
            language = Index(set, "LanguageId"), city = Index(set, "DeliveryAddressCity"), country = Index(set, "DeliveryAddressCountryRegionISOCode"),
            state = Index(set, "DeliveryAddressState"), street = Index(set, "DeliveryAddressStreet"), zip = Index(set, "DeliveryAddressZipCode");
        var random = RandomFor(1);

        // Exactly as long as the last field set: the store keeps rows without trailing defaults, and a
        // row that is already that long is kept as it is rather than copied (a million copies spared).
        var length = new[] { company, account, name, partyType, group, creditLimit, mandatory, terms, currency, onHold, email, phone, language, city, country, state, street, zip }.Max() + 1;
        for (var i = 0; i < _options.Customers; i++)
        {
            var c = i % Companies.Length;
            var seedCompany = Companies[c];
            var address = seedCompany.Addresses[random.Next(seedCompany.Addresses.Length)];
            var nameIndex = random.Next(_names.Length);
            var row = new object?[length];
            row[company] = seedCompany.Id;
            row[account] = CustomerAccount(c, i / Companies.Length);
            row[name] = _names[nameIndex];
            row[partyType] = IsPersonCustomer(i / Companies.Length) ? "Person" : "Organization";
            row[group] = CustomerGroups[random.Next(CustomerGroups.Length)].Id;
            row[creditLimit] = CreditLimits[random.Next(CreditLimits.Length)];
            row[mandatory] = random.Next(4) == 0 ? "Yes" : "No";
            row[terms] = "Net30";
            row[currency] = random.Next(10) == 0 ? "GBP" : seedCompany.Currency;
            row[onHold] = random.Next(50) == 0 ? "All" : "No";
            row[email] = _emails[nameIndex];
            row[phone] = _phones[random.Next(_phones.Length)];
            row[language] = seedCompany.Language;
            row[city] = address.City;
            row[country] = seedCompany.Country;
            row[state] = address.State;
            row[street] = _streets[random.Next(_streets.Length)];
            row[zip] = address.ZipCode;
            yield return row;
        }
    }

    private IEnumerable<object?[]> Vendors()
    {
        var set = _schema.Get("VendorsV2");
        var random = RandomFor(2);
        for (var i = 0; i < _options.Vendors; i++)
        {
            var seedCompany = Companies[i % Companies.Length];
            var address = seedCompany.Addresses[random.Next(seedCompany.Addresses.Length)];
            var nameIndex = random.Next(_names.Length);
            var row = FieldValues.NewRow(set);
            row[Index(set, "dataAreaId")] = seedCompany.Id;
            row[Index(set, "VendorAccountNumber")] = VendorAccount(i / Companies.Length);
            row[Index(set, "VendorOrganizationName")] = _names[nameIndex];
            row[Index(set, "VendorPartyType")] = "Organization";
            row[Index(set, "VendorGroupId")] = "10";
            row[Index(set, "CreditLimit")] = CreditLimits[random.Next(CreditLimits.Length)];
            row[Index(set, "CurrencyCode")] = seedCompany.Currency;
            row[Index(set, "DefaultPaymentTermsName")] = "Net30";
            row[Index(set, "PrimaryEmailAddress")] = _emails[nameIndex];
            row[Index(set, "PrimaryPhoneNumber")] = _phones[random.Next(_phones.Length)];
            row[Index(set, "AddressCity")] = address.City;
            row[Index(set, "AddressCountryRegionId")] = seedCompany.Country;
            row[Index(set, "AddressStateId")] = address.State;
            row[Index(set, "AddressStreet")] = _streets[random.Next(_streets.Length)];
            row[Index(set, "AddressZipCode")] = address.ZipCode;
            yield return row;
        }
    }

    private IEnumerable<object?[]> Contacts()
    {
        var set = _schema.Get("CDSContactPersonsV2");
        var random = RandomFor(3);
        for (var i = 0; i < _options.Contacts; i++)
        {
            var c = i % Companies.Length;
            var k = i / Companies.Length;
            var vendors = CountIn(_options.Vendors, c);
            var customers = CountIn(_options.Customers, c);
            var isVendorContact = vendors > 0 && (customers == 0 || i % 2 == 0);
            if (!isVendorContact && customers == 0)
            {
                continue;
            }

            var seedCompany = Companies[c];
            var address = seedCompany.Addresses[random.Next(seedCompany.Addresses.Length)];
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var row = FieldValues.NewRow(set);
            row[Index(set, "dataAreaId")] = seedCompany.Id;
            row[Index(set, "ContactPersonPartyNumber")] = (i + 1).ToString("D9", CultureInfo.InvariantCulture);
            row[Index(set, "AssociatedContactType")] = isVendorContact ? "Vendor" : "None";
            row[Index(set, "AssociatedContactNumber")] = isVendorContact ? VendorAccount(k % vendors) : CustomerAccount(c, k % customers);
            row[Index(set, "ContactPersonId")] = "CP-" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);
            row[Index(set, "FirstName")] = first;
            row[Index(set, "LastName")] = last;
            row[Index(set, "PrimaryEmailAddress")] = (first + "." + last + "@example.com").ToLowerInvariant();
            row[Index(set, "PrimaryPhoneNumber")] = _phones[random.Next(_phones.Length)];
            row[Index(set, "PrimaryAddressCity")] = address.City;
            row[Index(set, "PrimaryAddressCountryRegionId")] = seedCompany.Country;
            row[Index(set, "PrimaryAddressStateId")] = address.State;
            row[Index(set, "PrimaryAddressStreet")] = _streets[random.Next(_streets.Length)];
            row[Index(set, "PrimaryAddressZipCode")] = address.ZipCode;
            yield return row;
        }
    }

    private IEnumerable<object?[]> Products()
    {
        var set = _schema.Get("CDSReleasedDistinctProducts");
        var random = RandomFor(4);
        for (var i = 0; i < _options.Products; i++)
        {
            var seedCompany = Companies[i % Companies.Length];
            var k = i / Companies.Length;
            var word = ProductWords[k % ProductWords.Length];
            var price = Math.Round((decimal)(random.NextDouble() * 990 + 10), 2);
            var row = FieldValues.NewRow(set);
            row[Index(set, "dataAreaId")] = seedCompany.Id;
            row[Index(set, "ProductNumber")] = ProductNumber(k);
            row[Index(set, "ProductName")] = word + " " + (k + 1).ToString(CultureInfo.InvariantCulture);
            row[Index(set, "ProductDescription")] = "Generated " + word.ToLowerInvariant() + " for tests and demos.";
            row[Index(set, "ItemNumber")] = ProductNumber(k);
            row[Index(set, "ProductType")] = k % 10 == 9 ? "Service" : "Item";
            row[Index(set, "SalesUnitSymbol")] = "ea";
            row[Index(set, "SalesPrice")] = price;
            row[Index(set, "UnitCost")] = Math.Round(price * 0.6m, 2);
            row[Index(set, "CurrencyCode")] = seedCompany.Currency;
            row[Index(set, "SalesUnitDecimalPrecision")] = 0;
            yield return row;
        }
    }

    private IEnumerable<object?[]> SalesOrderHeaders()
    {
        var set = _schema.Get("SalesOrderHeadersV2");
        var random = RandomFor(5);
        for (var i = 0; i < _options.SalesOrders; i++)
        {
            var c = i % Companies.Length;
            var k = i / Companies.Length;
            var customers = CountIn(_options.Customers, c);
            if (customers == 0)
            {
                continue;
            }

            var seedCompany = Companies[c];
            var address = seedCompany.Addresses[random.Next(seedCompany.Addresses.Length)];
            var customer = CustomerAccount(c, OrganizationCustomer(k * 7 % customers));
            var shipping = FirstShippingDate.AddDays(random.Next(120));
            var row = FieldValues.NewRow(set);
            row[Index(set, "dataAreaId")] = seedCompany.Id;
            row[Index(set, "SalesOrderNumber")] = SalesOrderNumber(k);
            row[Index(set, "OrderingCustomerAccountNumber")] = customer;
            row[Index(set, "InvoiceCustomerAccountNumber")] = customer;
            row[Index(set, "CurrencyCode")] = seedCompany.Currency;
            row[Index(set, "SalesOrderName")] = "Order " + (k + 1).ToString(CultureInfo.InvariantCulture);
            row[Index(set, "PaymentTermsName")] = "Net30";
            row[Index(set, "SalesOrderStatus")] = "Backorder";
            row[Index(set, "RequestedShippingDate")] = shipping;
            row[Index(set, "RequestedReceiptDate")] = shipping.AddDays(3);
            row[Index(set, "DeliveryAddressCity")] = address.City;
            row[Index(set, "DeliveryAddressCountryRegionISOCode")] = seedCompany.Country;
            row[Index(set, "DeliveryAddressStateId")] = address.State;
            row[Index(set, "DeliveryAddressStreet")] = _streets[random.Next(_streets.Length)];
            row[Index(set, "DeliveryAddressZipCode")] = address.ZipCode;
            yield return row;
        }
    }

    private IEnumerable<object?[]> SalesOrderLines()
    {
        var set = _schema.Get("SalesOrderLines");
        var random = RandomFor(6);
        for (var i = 0; i < _options.SalesOrders; i++)
        {
            var c = i % Companies.Length;
            var k = i / Companies.Length;
            var products = CountIn(_options.Products, c);
            if (CountIn(_options.Customers, c) == 0 || products == 0)
            {
                continue;
            }

            var seedCompany = Companies[c];
            for (var line = 0; line < _options.LinesPerOrder; line++)
            {
                var quantity = (decimal)random.Next(1, 21);
                var price = Math.Round((decimal)(random.NextDouble() * 490 + 10), 2);
                var product = ProductNumber(random.Next(products));
                var row = FieldValues.NewRow(set);
                row[Index(set, "dataAreaId")] = seedCompany.Id;
                row[Index(set, "InventoryLotId")] = _nextComputedKey();
                row[Index(set, "SalesOrderNumber")] = SalesOrderNumber(k);
                row[Index(set, "LineCreationSequenceNumber")] = line + 1;
                row[Index(set, "ItemNumber")] = product;
                row[Index(set, "ProductNumber")] = product;
                row[Index(set, "OrderedSalesQuantity")] = quantity;
                row[Index(set, "SalesUnitSymbol")] = "ea";
                row[Index(set, "SalesPrice")] = price;
                row[Index(set, "LineAmount")] = quantity * price;
                row[Index(set, "CurrencyCode")] = seedCompany.Currency;
                row[Index(set, "SalesOrderLineStatus")] = "Backorder";
                row[Index(set, "RequestedShippingDate")] = FirstShippingDate.AddDays(random.Next(120));
                yield return row;
            }
        }
    }

    private static int Index(EntitySetSchema set, string field) => set.GetField(field).Index;
}
#pragma warning restore CA5394
