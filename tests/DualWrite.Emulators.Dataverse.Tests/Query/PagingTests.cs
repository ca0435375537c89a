using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Query;

public sealed class PagingTests
{
    [Fact]
    public void Paging_with_the_cookie_walks_every_record_once_and_ends_with_more_records_false()
    {
        using var dataverse = TestDataverse.Build();
        for (var i = 0; i < 7; i++)
        {
            dataverse.Service.Create(new Entity("account") { ["name"] = $"A{i}" });
        }

        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 3, PageNumber = 1, ReturnTotalRecordCount = true } };
        var seen = new List<string>();
        var pages = 0;
        while (true)
        {
            var page = dataverse.Service.RetrieveMultiple(query);
            pages++;
            seen.AddRange(page.Entities.Select(e => e.GetAttributeValue<string>("name")));
            Assert.Equal(7, page.TotalRecordCount);
            if (!page.MoreRecords)
            {
                break;
            }

            Assert.StartsWith("<cookie page=\"" + query.PageInfo.PageNumber + "\">", page.PagingCookie, System.StringComparison.Ordinal);
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"A{i}"), seen);
    }

    [Fact]
    public void The_cookie_continues_after_the_last_record_even_when_earlier_rows_are_deleted()
    {
        using var dataverse = TestDataverse.Build();
        var ids = Enumerable.Range(0, 6).Select(i => dataverse.Service.Create(new Entity("account") { ["name"] = $"A{i}" })).ToList();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
        var first = dataverse.Service.RetrieveMultiple(query);

        dataverse.Service.Delete("account", ids[0]);
        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;
        var second = dataverse.Service.RetrieveMultiple(query);

        Assert.Equal(new[] { "A2", "A3" }, second.Entities.Select(e => e.GetAttributeValue<string>("name")));
        Assert.True(second.MoreRecords);
    }

    [Fact]
    public void Paging_by_page_number_alone_skips_earlier_pages()
    {
        using var dataverse = TestDataverse.Build();
        for (var i = 0; i < 5; i++)
        {
            dataverse.Service.Create(new Entity("account") { ["name"] = $"A{i}" });
        }

        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 2, PageNumber = 3 } };
        var page = dataverse.Service.RetrieveMultiple(query);

        Assert.Equal(new[] { "A4" }, page.Entities.Select(e => e.GetAttributeValue<string>("name")));
        Assert.False(page.MoreRecords);
        Assert.Equal(-1, page.TotalRecordCount);
    }
}
