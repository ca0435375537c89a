using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Dependencies;

namespace DualWrite.Core.Tests.Dependencies;

public class InitialSyncPlannerTests
{
    private static MapDependencyNode Node(string name, string table, params string[] lookedUp) =>
        new(name, table, lookedUp.Select(target => new TableReference(target, "to_" + target)).ToList());

    private static List<List<string>> Waves(InitialSyncPlan plan) => plan.Waves.Select(wave => wave.ToList()).ToList();

    [Fact]
    public void Maps_without_lookups_share_the_first_wave()
    {
        var plan = InitialSyncPlanner.Plan(new[] { Node("A", "a"), Node("B", "b") });

        Assert.Equal(new[] { new List<string> { "A", "B" } }, Waves(plan));
        Assert.False(plan.HasCycles);
    }

    [Fact]
    public void A_map_runs_in_the_wave_after_its_deepest_dependency()
    {
        var plan = InitialSyncPlanner.Plan(new[]
        {
            Node("Lines", "line", "order", "product"),
            Node("Orders", "order", "company", "customer"),
            Node("Customers", "customer", "company"),
            Node("Products", "product"),
            Node("Companies", "company"),
        });

        Assert.Equal(
            new[]
            {
                new List<string> { "Products", "Companies" },
                new List<string> { "Customers" },
                new List<string> { "Orders" },
                new List<string> { "Lines" },
            },
            Waves(plan));
    }

    [Fact]
    public void Lookups_to_tables_no_map_writes_do_not_order_anything()
    {
        var plan = InitialSyncPlanner.Plan(new[] { Node("Groups", "group", "paymentterm") });

        Assert.Equal(new[] { new List<string> { "Groups" } }, Waves(plan));
        Assert.Empty(plan.Dependencies);
    }

    [Fact]
    public void A_lookup_into_the_maps_own_table_is_a_second_pass_not_a_cycle()
    {
        var plan = InitialSyncPlanner.Plan(new[] { Node("Customers", "account", "account") });

        Assert.False(plan.HasCycles);
        Assert.Equal(new[] { new List<string> { "Customers" } }, Waves(plan));
        Assert.Equal("Customers", Assert.Single(plan.SelfReferences).Map);
    }

    [Fact]
    public void Two_maps_of_one_table_looking_up_that_table_do_not_wait_for_each_other()
    {
        var plan = InitialSyncPlanner.Plan(new[] { Node("Vendors", "vendor", "vendor"), Node("Vendors (one time)", "vendor", "vendor") });

        Assert.False(plan.HasCycles);
        Assert.Equal(new[] { new List<string> { "Vendors", "Vendors (one time)" } }, Waves(plan));
        Assert.Equal(2, plan.SelfReferences.Count);
    }

    [Fact]
    public void A_cycle_is_reported_with_the_maps_and_lookups_in_it()
    {
        var plan = InitialSyncPlanner.Plan(new[]
        {
            Node("Companies", "company"),
            Node("Customers", "account", "company", "contact"),
            Node("Contacts", "contact", "company", "account"),
            Node("Orders", "order", "account"),
        });

        var cycle = Assert.Single(plan.Cycles);
        Assert.Equal(new[] { "Customers", "Contacts" }, cycle.Maps);
        Assert.Equal("Customers (to_contact -> contact) -> Contacts (to_account -> account) -> Customers", cycle.ToString());
        Assert.Equal(new[] { "Customers", "Contacts", "Orders" }, plan.Blocked);
        Assert.Equal(new[] { new List<string> { "Companies" } }, Waves(plan));
    }

    [Fact]
    public void A_longer_ring_is_walked_in_dependency_order()
    {
        var plan = InitialSyncPlanner.Plan(new[] { Node("A", "a", "b"), Node("B", "b", "c"), Node("C", "c", "a") });

        Assert.Equal(new[] { "A", "B", "C" }, Assert.Single(plan.Cycles).Maps);
        Assert.Empty(plan.Waves);
    }

    [Fact]
    public void Two_maps_writing_one_table_are_both_prerequisites_of_its_readers()
    {
        var plan = InitialSyncPlanner.Plan(new[]
        {
            Node("Customers V3 (accounts)", "account"),
            Node("Prospects", "account"),
            Node("Orders", "order", "account"),
        });

        Assert.Equal(
            new[] { new List<string> { "Customers V3 (accounts)", "Prospects" }, new List<string> { "Orders" } },
            Waves(plan));
        Assert.Equal(2, plan.Dependencies.Count);
    }

    [Fact]
    public void Duplicate_map_names_are_refused()
    {
        Assert.Throws<System.ArgumentException>(() => InitialSyncPlanner.Plan(new[] { Node("A", "a"), Node("A", "b") }));
    }
}
