using System;
using System.Linq;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

public class MappingLoopTests
{
    private const string CompanyPath = "cdm_companies(cdm_companycode='USMF')";
    private static readonly Guid UsmfId = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid EuroId = Guid.Parse("22222222-0000-0000-0000-000000000001");
    private static readonly TableMap Map = CustomerMap.Load();

    private static DataRecord Customer(string group = "10") => TestRecords.Of(
        "usmf",
        "CustomerAccount", "US-001",
        "OrganizationName", "Contoso",
        "CustomerGroupId", group,
        "SalesCurrencyCode", "USD");

    private static DataRecord Account() => TestRecords.Of(
        "USMF",
        "accountnumber", "US-001",
        "name", "Contoso",
        "transactioncurrencyid", LookupValue.ById("transactioncurrency", EuroId));

    private static MappingLoop ToDataverse(int maxPasses = 4, bool findBoundIds = false, string group = "10") =>
        new(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer(group)), maxPasses, findBoundIds);

    [Fact]
    public void The_first_pass_asks_for_the_company_and_the_second_completes_the_key()
    {
        var loop = ToDataverse();

        var first = loop.Map();
        Assert.Equal(CompanyPath, Assert.Single(first).Path);
        loop.Resolved.AddId(CompanyPath, UsmfId);

        Assert.Empty(loop.Map());
        Assert.True(loop.Result.IsComplete);
        Assert.Empty(loop.Unresolved);
        Assert.Equal(2, loop.Passes);
    }

    [Fact]
    public void A_pass_that_brings_nothing_new_ends_the_loop_and_names_what_stays_unresolved()
    {
        var loop = ToDataverse();

        Assert.NotEmpty(loop.Map());
        Assert.Empty(loop.Map()); // the caller answered nothing

        Assert.Equal(2, loop.Passes);
        Assert.Equal(CompanyPath, Assert.Single(loop.Unresolved).Path);
        Assert.False(loop.Result.IsComplete);
    }

    [Fact]
    public void The_pass_limit_ends_the_loop_even_while_lookups_are_missing()
    {
        var loop = ToDataverse(maxPasses: 1);

        Assert.Empty(loop.Map());
        Assert.Single(loop.Unresolved);
    }

    [Fact]
    public void Bound_ids_are_asked_for_only_when_the_caller_wants_them()
    {
        var loop = ToDataverse(findBoundIds: true);
        loop.Map();
        loop.Resolved.AddId(CompanyPath, UsmfId);

        var binds = loop.Map();

        Assert.Equal(
            new[]
            {
                "msdyn_customergroups(msdyn_groupid='10',_msdyn_company_value=11111111-2222-3333-4444-555555555555)",
                "transactioncurrencies(isocurrencycode='USD')",
            },
            binds.Select(b => b.Path));
        Assert.All(binds, b => Assert.Equal(LookupResolutionKind.FindId, b.Kind));
        var currency = binds[1];
        Assert.Equal("transactioncurrencies", currency.EntitySet);
        Assert.Equal("transactioncurrency", currency.LogicalName);
        Assert.Equal("isocurrencycode", currency.KeyField);
        Assert.Equal("SalesCurrencyCode", currency.Field);

        var without = ToDataverse();
        without.Map();
        without.Resolved.AddId(CompanyPath, UsmfId);
        Assert.Empty(without.Map());
    }

    [Fact]
    public void Answered_bind_ids_reach_the_payload()
    {
        var groupId = Guid.Parse("99999999-0000-0000-0000-000000000001");
        var currencyId = Guid.Parse("99999999-0000-0000-0000-000000000002");
        var loop = ToDataverse(findBoundIds: true);
        loop.Map();
        loop.Resolved.AddId(CompanyPath, UsmfId);
        var binds = loop.Map();
        loop.Resolved.AddId(binds[0].Path, groupId).AddId(binds[1].Path, currencyId);

        Assert.Empty(loop.Map());
        Assert.Empty(loop.Unresolved);
        var group = Assert.Single(loop.Result.Payload, p => p.Name == "msdyn_customergroupid@odata.bind");
        Assert.Equal(groupId, group.Reference!.Id);
    }

    [Fact]
    public void A_bind_the_engine_already_asks_for_is_asked_for_once()
    {
        // The company bind and the engine's company question name the same record.
        var loop = ToDataverse(findBoundIds: true);

        var pending = loop.Map();

        Assert.Equal(new[] { CompanyPath, "transactioncurrencies(isocurrencycode='USD')" }, pending.Select(p => p.Path));
    }

    [Fact]
    public void To_FinOps_the_loop_asks_for_key_values_and_maps_them_in()
    {
        var loop = new MappingLoop(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Account()), 3);

        var pending = loop.Map();
        var currency = Assert.Single(pending);
        Assert.Equal(LookupResolutionKind.ReadKeyValue, currency.Kind);
        loop.Resolved.AddKeyValue(currency.Path, "EUR");

        Assert.Empty(loop.Map());
        Assert.Contains("SalesCurrencyCode = EUR", loop.Result.Lines());
        Assert.True(loop.Result.IsComplete);
    }

    [Fact]
    public void The_result_is_not_there_before_the_first_pass()
    {
        var loop = ToDataverse();

        Assert.Throws<InvalidOperationException>(() => loop.Result);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MappingLoop(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer()), 0));
        Assert.Empty(loop.Unresolved);
    }
}
