using System;
using System.Text.Json.Nodes;
using DualWrite.Listener.MapStates.Mirror;

namespace DualWrite.Listener.Tests.MapStates.Mirror;

public sealed class QueuedChangeTests
{
    [Fact]
    public void A_row_as_the_Web_API_returns_it_becomes_a_queued_change()
    {
        var id = Guid.NewGuid();
        var row = JsonNode.Parse("""
            {"dw_queuedchangeid":"ID","dw_name":"account US-001 (usmf)","dw_map":"Customers V3","dw_entityset":"CustomersV3",
             "dw_fnorecord":"CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')","dw_operation":"PATCH",
             "dw_body":"{\"OrganizationName\":\"Contoso\"}","dw_sequence":639000000000000000,"dw_attempts":2}
            """.Replace("ID", id.ToString("D"), StringComparison.Ordinal))!.AsObject();

        var change = QueuedChange.From(row);

        Assert.Equal(new QueuedChange(id, "account US-001 (usmf)", "Customers V3", "CustomersV3", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", "PATCH", "{\"OrganizationName\":\"Contoso\"}", 639000000000000000, 2), change);
    }

    [Fact]
    public void A_row_without_its_request_is_not_a_queued_change()
    {
        var row = new JsonObject { ["dw_queuedchangeid"] = Guid.NewGuid().ToString("D"), ["dw_map"] = "Customers V3" };

        Assert.Null(QueuedChange.From(row));
    }

    [Fact]
    public void Options_report_every_problem()
    {
        var options = new QueuedChangeOptions { PollInterval = TimeSpan.Zero, RetryDelay = TimeSpan.FromSeconds(-1), PageSize = 0 };

        Assert.Equal(3, options.Validate().Count);
        Assert.Empty(new QueuedChangeOptions().Validate());
    }
}
