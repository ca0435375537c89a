using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Tests.Bulk.Reading;

/// <summary>Keyset reads against both emulators: every row once, in key order, resumable, per company.</summary>
public sealed class MapSourceReaderTests : IAsyncLifetime
{
    private BulkHarness harness = null!;

    public async Task InitializeAsync() => harness = await BulkHarness.StartAsync(customers: 90, accounts: 90);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task FinOps_read_across_companies_gives_every_row_once_in_composite_key_order()
    {
        var map = harness.Customers;
        var expected = await AllFinOpsAsync(map.FinOps.FilterText);
        Assert.True(expected.Count > 20, "the seed has organizations in several companies");

        var (rows, pages) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.FinOps, null, null, 7));

        var keys = rows.Select(r => (Text(r, "dataAreaId"), Text(r, "CustomerAccount"))).ToList();
        Assert.Equal(expected.Count, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(expected.OrderBy(k => k, KeyOrder).ToList(), keys);
        Assert.True(pages.Count >= expected.Count / 7);
        Assert.All(pages, page => Assert.InRange(page.Rows.Count, 1, 7));
        Assert.True(keys.Select(k => k.Item1).Distinct().Count() > 1, "rows of several companies");
        Assert.Equal(new[] { "dataAreaId", "CustomerAccount" }, pages[0].Last!.Fields);
    }

    [Fact]
    public async Task FinOps_read_resumed_after_a_cursor_continues_with_no_gap_or_overlap()
    {
        var map = harness.Customers;
        var (all, _) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.FinOps, null, null, 10));

        var head = new List<JsonObject>();
        RecordCursor? cursor = null;
        await foreach (var page in harness.Reader.ReadAsync(new SourceReadRequest(map, SyncSide.FinOps, null, null, 10), CancellationToken.None))
        {
            head.AddRange(page.Rows);
            cursor = page.Last;
            if (head.Count >= 30)
            {
                break;
            }
        }

        // The cursor travels as JSON through a checkpoint.
        var resumed = RecordCursor.Parse(cursor!.ToJson());
        var (tail, _) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.FinOps, null, resumed, 10));

        Assert.Equal(Keys(all, "dataAreaId", "CustomerAccount"), Keys(head.Concat(tail), "dataAreaId", "CustomerAccount"));
    }

    [Fact]
    public async Task FinOps_company_read_gives_only_that_company_ordered_by_the_rest_of_the_key()
    {
        var map = harness.Customers;
        var expected = (await AllFinOpsAsync(map.FinOps.FilterText)).Where(k => k.Company == "usrt").Select(k => k.Key).ToList();

        var (rows, pages) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.FinOps, "USRT", null, 4));

        Assert.NotEmpty(expected);
        Assert.All(rows, row => Assert.Equal("usrt", Text(row, "dataAreaId")));
        Assert.Equal(expected.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList(), rows.Select(r => Text(r, "CustomerAccount")).ToList());
        Assert.Equal(new[] { "CustomerAccount" }, pages[0].Last!.Fields);
    }

    [Fact]
    public async Task Dataverse_reads_composite_and_per_company_keys_every_row_once_and_resumes()
    {
        var map = harness.Customers;
        var all = await harness.Dataverse.QueryAllAsync("accounts", new ODataQuery { Filter = map.Dataverse.FilterText, Select = new[] { "accountnumber", "_msdyn_company_value" } });
        Assert.True(all.Succeeded, all.ToString());

        var (rows, pages) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.Dataverse, null, null, 6));
        Assert.Equal(all.Value!.Count, rows.Count);
        Assert.Equal(new[] { "_msdyn_company_value", "accountnumber" }, pages[0].Last!.Fields);
        var composite = rows.Select(r => (Guid.Parse(Text(r, "_msdyn_company_value")), Text(r, "accountnumber"))).ToList();
        Assert.Equal(composite.Count, composite.Distinct().Count());
        Assert.Equal(composite.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.OrdinalIgnoreCase).ToList(), composite);

        // One company, resumed after its third page.
        var (usmf, usmfPages) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.Dataverse, "usmf", null, 5));
        Assert.NotEmpty(usmf);
        Assert.Single(usmf.Select(r => Text(r, "_msdyn_company_value")).Distinct());
        var numbers = usmf.Select(r => Text(r, "accountnumber")).ToList();
        Assert.Equal(numbers.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(), numbers);
        var (tail, _) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.Dataverse, "usmf", usmfPages[2].Last, 5));
        Assert.Equal(numbers.Skip(15).ToList(), tail.Select(r => Text(r, "accountnumber")).ToList());
    }

    [Fact]
    public async Task Count_gives_the_rows_a_read_covers_on_both_sides()
    {
        var map = harness.Customers;
        var (finOps, _) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.FinOps, "usmf", null, 1000));
        var (dataverse, _) = await harness.ReadAllAsync(new SourceReadRequest(map, SyncSide.Dataverse, "usmf", null, 1000));

        Assert.Equal(finOps.Count, await harness.Reader.CountAsync(new SourceReadRequest(map, SyncSide.FinOps, "usmf", null, 1000), CancellationToken.None));
        Assert.Equal(dataverse.Count, await harness.Reader.CountAsync(new SourceReadRequest(map, SyncSide.Dataverse, "usmf", null, 1000), CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_Dataverse_company_has_no_rows()
    {
        var (rows, _) = await harness.ReadAllAsync(new SourceReadRequest(harness.Customers, SyncSide.Dataverse, "zzzz", null, 100));
        Assert.Empty(rows);
    }

    private static readonly IComparer<(string Company, string Key)> KeyOrder = Comparer<(string Company, string Key)>.Create((a, b) =>
    {
        var order = string.Compare(a.Company, b.Company, StringComparison.OrdinalIgnoreCase);
        return order != 0 ? order : string.Compare(a.Key, b.Key, StringComparison.OrdinalIgnoreCase);
    });

    private static string Text(JsonObject row, string name) => row[name]!.GetValue<string>();

    private static List<string> Keys(IEnumerable<JsonObject> rows, params string[] names) =>
        rows.Select(r => string.Join("|", names.Select(n => Text(r, n)))).ToList();

    private async Task<List<(string Company, string Key)>> AllFinOpsAsync(string? filter)
    {
        var all = await harness.FinOps.QueryAllAsync("CustomersV3", new ODataQuery { Filter = filter, Select = new[] { "dataAreaId", "CustomerAccount" } });
        Assert.True(all.Succeeded, all.ToString());
        return all.Value!.Select(r => (Text(r, "dataAreaId"), Text(r, "CustomerAccount"))).ToList();
    }
}
