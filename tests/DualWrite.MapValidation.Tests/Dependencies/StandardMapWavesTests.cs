using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Dependencies;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;

namespace DualWrite.MapValidation.Tests.Dependencies;

public class StandardMapWavesTests
{
    private static List<TableMap> StandardMaps() =>
        TestData.StandardMaps.Select(file => MapLoader.Load(file.Text, file.Name).Map!).ToList();

    [Fact]
    public void The_standard_maps_load_in_five_waves_each_as_early_as_its_lookups_allow()
    {
        var plan = InitialSyncPlanner.Plan(StandardMaps());

        Assert.False(plan.HasCycles);
        Assert.Equal(
            new[]
            {
                new[] { "Currencies", "Legal entities" },
                new[] { "Customer groups", "Released distinct products", "Vendors V2" },
                new[] { "Contacts", "Customers V3" },
                new[] { "Sales order headers V2" },
                new[] { "Sales order lines" },
            },
            plan.Waves.Select(wave => wave.OrderBy(name => name, System.StringComparer.Ordinal).ToArray()));
    }

    [Fact]
    public void The_documented_order_respects_every_dependency_of_the_standard_maps()
    {
        // Legal entities -> currencies and customer groups -> customers and vendors -> contacts and
        // products -> sales order headers -> lines: a valid serial order of the computed waves.
        var documented = new[]
        {
            "Legal entities", "Currencies", "Customer groups", "Customers V3", "Vendors V2",
            "Contacts", "Released distinct products", "Sales order headers V2", "Sales order lines",
        };
        var plan = InitialSyncPlanner.Plan(StandardMaps());

        Assert.NotEmpty(plan.Dependencies);
        Assert.All(plan.Dependencies, edge =>
            Assert.True(System.Array.IndexOf(documented, edge.DependsOn) < System.Array.IndexOf(documented, edge.Map), edge.ToString()));
    }

    [Fact]
    public void Self_lookups_of_the_standard_maps_are_second_passes()
    {
        var plan = InitialSyncPlanner.Plan(StandardMaps());

        Assert.Equal(
            new[] { "Customers V3.InvoiceAccount -> Customers V3", "Vendors V2.InvoiceVendorAccountNumber -> Vendors V2" },
            plan.SelfReferences.Select(edge => edge.ToString()).OrderBy(text => text, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Sales_order_lines_wait_for_headers_products_currencies_and_companies()
    {
        var plan = InitialSyncPlanner.Plan(StandardMaps());

        Assert.Equal(
            new[] { "Currencies", "Legal entities", "Released distinct products", "Sales order headers V2" },
            plan.Dependencies.Where(edge => edge.Map == "Sales order lines").Select(edge => edge.DependsOn).OrderBy(name => name, System.StringComparer.Ordinal));
    }
}
