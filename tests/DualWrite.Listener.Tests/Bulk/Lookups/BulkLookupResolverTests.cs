using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Listener.Tests.Bulk.Writing;

namespace DualWrite.Listener.Tests.Bulk.Lookups;

public sealed class BulkLookupResolverTests
{
    private static readonly string[] Companies = ["usmf", "usrt", "demf"];
    private static readonly string[] Groups = ["10", "20", "30", "40"];
    private static readonly string[] Currencies = ["USD", "EUR", "GBP"];

    [Fact]
    public async Task A_page_of_records_resolves_its_lookups_with_one_query_per_referenced_table()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        var loops = Enumerable.Range(0, 300).Select(i => Loop(rig.Customers, i)).ToArray();
        var before = rig.DataverseRequests.Requests.Count;

        await rig.Lookups.ResolveAsync(loops, CancellationToken.None);

        var reads = rig.DataverseRequests.Requests.Skip(before).ToList();
        Assert.Equal(3, reads.Count);
        Assert.Single(reads, read => read.StartsWith("GET /api/data/v9.2/cdm_companies?", StringComparison.Ordinal));
        Assert.Single(reads, read => read.StartsWith("GET /api/data/v9.2/msdyn_customergroups?", StringComparison.Ordinal));
        Assert.Single(reads, read => read.StartsWith("GET /api/data/v9.2/transactioncurrencies?", StringComparison.Ordinal));
        Assert.All(loops, loop =>
        {
            Assert.True(loop.Result.Succeeded, string.Join(" ", loop.Result.Errors));
            Assert.Empty(loop.Unresolved);
        });

        // The ids are the ones a one-by-one read finds, and they sit in the applier's cache.
        var usrt = await rig.CompanyIdAsync("USRT");
        Assert.True(rig.Cache.TryGet("cdm_companies(cdm_companycode='USRT')", out var cached));
        Assert.Equal(usrt, cached);
        var group = (await rig.Dataverse.FindIdAsync("msdyn_customergroups(msdyn_groupid='20',_msdyn_company_value=" + usrt + ")", "msdyn_customergroup", CancellationToken.None)).GetValueOrThrow();
        Assert.Contains(loops[1].Result.Payload, field => field.IsBind && field.Value.TryGetString(out var bind) && bind.Contains("'20'", StringComparison.Ordinal));
        Assert.NotNull(group);
    }

    [Fact]
    public async Task A_key_with_no_record_is_left_unresolved_and_a_second_page_asks_only_for_what_is_new()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        var missing = Loop(rig.Customers, 0, group: "NOPE");
        await rig.Lookups.ResolveAsync([missing], CancellationToken.None);
        var before = rig.DataverseRequests.Requests.Count;

        await rig.Lookups.ResolveAsync(Enumerable.Range(0, 50).Select(i => Loop(rig.Customers, i)).ToArray(), CancellationToken.None);

        Assert.Contains(missing.Unresolved, lookup => lookup.Path.Contains("NOPE", StringComparison.Ordinal));
        var reads = rig.DataverseRequests.Requests.Skip(before).ToList();
        Assert.DoesNotContain(reads, read => read.Contains("cdm_companies", StringComparison.Ordinal) && read.Contains("usmf", StringComparison.OrdinalIgnoreCase));
        Assert.All(reads, read => Assert.StartsWith("GET ", read, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_small_table_loaded_whole_answers_without_further_queries()
    {
        await using var rig = await BulkWriterRig.StartAsync();

        var loaded = await rig.Lookups.LoadTableAsync("cdm_companies", "cdm_company", ["cdm_companycode"]);
        var before = rig.DataverseRequests.Requests.Count;
        var sent = await rig.Lookups.PreloadAsync(Enumerable.Range(0, 30).SelectMany(i => Loop(rig.Customers, i).Map()).Where(lookup => lookup.EntitySet == "cdm_companies"), CancellationToken.None);

        Assert.True(loaded >= 3);
        Assert.Equal(0, sent);
        Assert.Equal(before, rig.DataverseRequests.Requests.Count);
        Assert.True(rig.Cache.TryGet("cdm_companies(cdm_companycode='USRT')", out var usrt));
        Assert.Equal(await rig.CompanyIdAsync("USRT"), usrt);
    }

    [Fact]
    public async Task Loops_sharing_their_answers_map_once_each_when_the_cache_already_knows_them()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        await rig.Lookups.ResolveAsync(Enumerable.Range(0, 60).Select(i => Loop(rig.Customers, i)).ToArray(), CancellationToken.None);
        var before = rig.DataverseRequests.Requests.Count;
        var shared = new ResolvedLookups();

        var loops = Enumerable.Range(0, 60).Select(i => Loop(rig.Customers, i, resolved: shared)).ToArray();
        await rig.Lookups.ResolveAsync(loops, CancellationToken.None);

        // Every company, group and currency is cached and shared: no query, and past the first rows one pass each.
        Assert.Equal(before, rig.DataverseRequests.Requests.Count);
        Assert.All(loops, loop =>
        {
            Assert.True(loop.Result.Succeeded, string.Join(" ", loop.Result.Errors));
            Assert.Empty(loop.Unresolved);
        });
        Assert.All(loops.Skip(12), loop => Assert.Equal(1, loop.Passes));
    }

    [Fact]
    public async Task A_shared_answer_set_still_leaves_a_key_with_no_record_unresolved()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        var shared = new ResolvedLookups();
        var loops = new[] { Loop(rig.Customers, 0, resolved: shared), Loop(rig.Customers, 1, group: "NOPE", resolved: shared), Loop(rig.Customers, 2, resolved: shared) };

        await rig.Lookups.ResolveAsync(loops, CancellationToken.None);

        Assert.Empty(loops[0].Unresolved);
        Assert.Empty(loops[2].Unresolved);
        Assert.Contains(loops[1].Unresolved, lookup => lookup.Path.Contains("NOPE", StringComparison.Ordinal));
    }

    private static MappingLoop Loop(TableMap map, int i, string? group = null, ResolvedLookups? resolved = null)
    {
        var company = Companies[i % Companies.Length];
        var fields = new List<KeyValuePair<string, RecordValue>>
        {
            new("dataAreaId", RecordValue.FromString(company)),
            new("CustomerAccount", RecordValue.FromString("LK-" + i.ToString("D4"))),
            new("OrganizationName", RecordValue.FromString("Lookup " + i)),
            new("PartyType", RecordValue.FromString("Organization")),
            new("CustomerGroupId", RecordValue.FromString(group ?? Groups[i % Groups.Length])),
            new("SalesCurrencyCode", RecordValue.FromString(Currencies[i % Currencies.Length])),
        };
        return new MappingLoop(new MappingRequest(map, SyncDirection.FinOpsToDataverse, new DataRecord(fields, company), resolved: resolved), 4, findBoundIds: true);
    }
}
