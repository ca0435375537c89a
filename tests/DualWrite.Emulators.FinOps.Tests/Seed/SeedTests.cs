using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Emulators.FinOps.Store;
using DualWrite.Emulators.FinOps.Validation;

namespace DualWrite.Emulators.FinOps.Tests.Seed;

public sealed class SeedTests
{
    [Fact]
    public void The_small_seed_has_three_companies_reference_data_and_a_few_hundred_records()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);

        var report = SeedLoader.Load(store, SeedOptions.Small, TimeProvider.System);

        Assert.Equal(3, report.RowsPerEntitySet["LegalEntities"]);
        Assert.True(report.RowsPerEntitySet["Currencies"] >= 3);
        Assert.Equal(15, report.RowsPerEntitySet["CustomerGroups"]);
        Assert.Equal(300, report.RowsPerEntitySet["CustomersV3"]);
        Assert.Equal(150, report.RowsPerEntitySet["CDSContactPersonsV2"]);
        Assert.Equal(120, report.RowsPerEntitySet["CDSReleasedDistinctProducts"]);
        Assert.Equal(60, report.RowsPerEntitySet["SalesOrderHeadersV2"]);
        Assert.Equal(180, report.RowsPerEntitySet["SalesOrderLines"]);
    }

    [Fact]
    public void Sales_orders_are_for_organization_customers_the_customer_map_syncs()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);
        SeedLoader.Load(store, SeedOptions.Small, TimeProvider.System);
        var customers = store.Schema.Get("CustomersV3");
        var orders = store.Schema.Get("SalesOrderHeadersV2");

        static object? Value(object?[] row, EntitySetSchema set, string field)
        {
            var index = set.GetField(field).Index;
            return index < row.Length ? row[index] : null;
        }

        var (partyTypes, orderCustomers) = store.Read(view => (
            view.Rows(customers).ToDictionary(r => Value(r, customers, "dataAreaId") + "/" + Value(r, customers, "CustomerAccount"), r => Value(r, customers, "PartyType")),
            view.Rows(orders).Select(r => Value(r, orders, "dataAreaId") + "/" + Value(r, orders, "OrderingCustomerAccountNumber")).ToList()));

        Assert.Contains("Person", partyTypes.Values);
        Assert.Equal(60, orderCustomers.Count);
        Assert.All(orderCustomers, customer => Assert.Equal("Organization", partyTypes[customer]));
    }

    [Fact]
    public void Every_seeded_row_passes_the_same_validation_as_a_write()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);
        SeedLoader.Load(store, SeedOptions.Small, TimeProvider.System);
        var validator = new WriteValidator(store.Schema, ReferenceRules.Standard);

        var problems = store.Read(view => store.Schema.EntitySets
            .SelectMany(set => view.Rows(set).SelectMany(row => validator.Validate(view, set, row).Select(p => set.Name + " " + RowKeys.Describe(set, row) + ": " + p)))
            .ToList());

        Assert.Empty(problems);
    }

    [Fact]
    public void The_same_random_seed_generates_the_same_rows_and_another_seed_different_ones()
    {
        string Snapshot(int seed)
        {
            using var store = new FinOpsStore(FinOpsSchema.Standard);
            SeedLoader.Load(store, SeedOptions.Small with { RandomSeed = seed }, TimeProvider.System);
            var customers = store.Schema.Get("CustomersV3");
            return store.Read(view => string.Join("|", view.Rows(customers).Take(50).Select(r => string.Join(",", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))));
        }

        var first = Snapshot(7);
        var second = Snapshot(7);
        Assert.Equal(first, second);
        Assert.NotEqual(Snapshot(7), Snapshot(8));
    }

    [Fact]
    public void Generated_customers_share_their_pooled_values_so_rows_stay_compact()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);
        SeedLoader.Load(store, SeedOptions.WithCustomers(3000), TimeProvider.System);
        var customers = store.Schema.Get("CustomersV3");
        var name = customers.GetField("OrganizationName").Index;

        var rows = store.Read(view => view.Rows(customers).ToList());
        var distinctInstances = rows.Select(r => r[name]).Distinct(ReferenceEqualityComparer.Instance).Count();

        Assert.Equal(3000, rows.Count);
        Assert.True(distinctInstances <= 1000, distinctInstances + " name instances for 3,000 rows");
        Assert.True(rows[0].Length < customers.Fields.Count, "trailing defaults are not stored");
        Assert.Equal("US-001", FieldValues.Read(customers.GetField("CustomerAccount"), rows[0]));
    }

    [Fact]
    public void Loading_generated_customers_allocates_a_few_hundred_bytes_a_customer()
    {
        // The load runs on this thread, so this thread's allocations are the load's, whatever runs in parallel.
        using var store = new FinOpsStore(FinOpsSchema.Standard);
        var options = SeedOptions.None with { Customers = 200_000, IncludeReferenceData = false };
        var before = GC.GetAllocatedBytesForCurrentThread();

        SeedLoader.Load(store, options, TimeProvider.System);

        var perCustomer = (GC.GetAllocatedBytesForCurrentThread() - before) / 200_000.0;
        Assert.True(perCustomer < 500, perCustomer.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " bytes allocated a customer");
    }

    [Fact]
    public void The_empty_seed_loads_nothing()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);

        var report = SeedLoader.Load(store, SeedOptions.None, TimeProvider.System);

        Assert.All(report.RowsPerEntitySet.Values, count => Assert.Equal(0, count));
    }
}
