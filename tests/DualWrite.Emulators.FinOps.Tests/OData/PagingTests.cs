using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.OData;

public sealed class PagingTests
{
    [Fact]
    public async Task Paging_through_25000_customers_follows_next_links_in_pages_of_10000_to_the_end()
    {
        await using var harness = await EmulatorHarness.StartAsync(SeedOptions.WithCustomers(25_000));
        var pageSizes = new List<int>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string? url = "CustomersV3?cross-company=true&$select=dataAreaId,CustomerAccount&$count=true";
        var count = -1;

        while (url is not null)
        {
            var page = await HttpJson.GetAsync(harness.Http, url);
            if (page.TryGetProperty("@odata.count", out var total))
            {
                count = total.GetInt32();
            }

            var rows = page.GetProperty("value").EnumerateArray().ToList();
            pageSizes.Add(rows.Count);
            foreach (var row in rows)
            {
                keys.Add(row.GetProperty("dataAreaId").GetString() + "/" + row.GetProperty("CustomerAccount").GetString());
            }

            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            Assert.True(pageSizes.Count <= 3, "More pages than 25,000 rows need.");
        }

        Assert.Equal(new[] { 10_000, 10_000, 5_000 }, pageSizes);
        Assert.Equal(25_000, keys.Count);
        Assert.Equal(25_000, count);
    }

    [Fact]
    public async Task A_top_larger_than_a_page_is_honoured_across_next_links()
    {
        await using var harness = await EmulatorHarness.StartAsync(SeedOptions.WithCustomers(25_000));
        var total = 0;
        string? url = "CustomersV3?cross-company=true&$select=CustomerAccount&$top=12000";
        while (url is not null)
        {
            var page = await HttpJson.GetAsync(harness.Http, url);
            total += page.GetProperty("value").GetArrayLength();
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        Assert.Equal(12_000, total);
    }
}
