using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Emulators.Dataverse.Throttling;
using DualWrite.Listener.Bulk.Writing;

namespace DualWrite.Listener.Tests.Bulk.Writing;

public sealed class BulkWriterDataverseTests
{
    [Fact]
    public async Task Writing_the_same_records_twice_upserts_them_by_key_in_one_request_each_time()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        var company = await rig.CompanyIdAsync("USMF");
        var items = Enumerable.Range(1, 1000).Select(i => BulkWriterRig.Account(company, "BULK-" + i.ToString("D4"), "Bulk " + i)).ToArray();

        var first = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.FinOpsToDataverse, items, CancellationToken.None);
        var postsAfterFirst = rig.DataverseProbe.Posts;
        var renamed = items.Select(item => item with { Body = new() { ["name"] = "Renamed " + item.SourceKey, ["customertypecode"] = 3 } }).ToArray();
        var second = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.FinOpsToDataverse, renamed, CancellationToken.None);

        Assert.Empty(first.Failed);
        Assert.Empty(second.Failed);
        Assert.Equal(1000, second.Written.Count);
        Assert.Equal(1, postsAfterFirst);
        Assert.Contains(rig.DataverseRequests.Requests, request => request.StartsWith("POST /api/data/v9.2/accounts/Microsoft.Dynamics.CRM.UpsertMultiple?tag=DualWrite", StringComparison.Ordinal));
        var accounts = await rig.AccountsAsync(company, "BULK-");
        Assert.Equal(1000, accounts.Count);
        Assert.All(accounts, account => Assert.StartsWith("Renamed usmf/BULK-", account["name"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_batch_is_split_until_every_good_record_is_written_and_each_bad_one_has_its_own_error()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        var company = await rig.CompanyIdAsync("USMF");
        var bad = new[] { 17, 500, 999 };
        var items = Enumerable.Range(1, 1000).Select(i => BulkWriterRig.Account(company, "SPLIT-" + i.ToString("D4"), "Split " + i)).ToArray();
        foreach (var i in bad)
        {
            items[i - 1].Body["creditlimit"] = "a lot";
        }


        var result = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.FinOpsToDataverse, items, CancellationToken.None);

        Assert.Equal(997, result.Written.Count);
        Assert.Equal(bad.Select(i => "usmf/SPLIT-" + i.ToString("D4")), result.Failed.Select(error => error.Item.SourceKey));
        Assert.All(result.Failed, error =>
        {
            Assert.Equal("creditlimit", error.Field);
            Assert.Equal(400, error.StatusCode);
            Assert.False(error.Transient);
            Assert.Contains("creditlimit", error.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(997, (await rig.AccountsAsync(company, "SPLIT-")).Count);
    }

    [Fact]
    public async Task A_record_binding_to_a_missing_parent_fails_alone_with_the_targets_reason()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        var company = await rig.CompanyIdAsync("USMF");
        var items = Enumerable.Range(1, 100).Select(i => BulkWriterRig.Account(company, "BIND-" + i.ToString("D3"), "Bind " + i)).ToArray();
        items[41].Body["msdyn_customergroupid@odata.bind"] = "/msdyn_customergroups(msdyn_groupid='NOPE',_msdyn_company_value=" + company + ")";

        var result = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.FinOpsToDataverse, items, CancellationToken.None);

        var error = Assert.Single(result.Failed);
        Assert.Equal("usmf/BIND-042", error.Item.SourceKey);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains("NOPE", error.Reason, StringComparison.Ordinal);
        Assert.Equal(99, result.Written.Count);
    }

    [Fact]
    public async Task Records_without_a_key_path_are_created_with_CreateMultiple()
    {
        await using var rig = await BulkWriterRig.StartAsync();
        var company = await rig.CompanyIdAsync("USMF");
        var items = Enumerable.Range(1, 10).Select(i => new BulkItem(
            "k" + i,
            "NEW-" + i,
            null,
            new() { ["name"] = "New " + i, ["accountnumber"] = "NEW-" + i, ["customertypecode"] = 3, ["msdyn_company@odata.bind"] = "/cdm_companies(" + company + ")" })).ToArray();

        var result = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.FinOpsToDataverse, items, CancellationToken.None);

        Assert.Empty(result.Failed);
        Assert.Contains(rig.DataverseRequests.Requests, request => request.StartsWith("POST /api/data/v9.2/accounts/Microsoft.Dynamics.CRM.CreateMultiple", StringComparison.Ordinal));
        Assert.Equal(10, (await rig.AccountsAsync(company, "NEW-")).Count);
    }

    [Fact]
    public async Task Concurrent_batches_never_pass_the_configured_ceiling()
    {
        await using var rig = await BulkWriterRig.StartAsync(new BulkWriterOptions { BatchSize = 20, InitialConcurrency = 3, MaxConcurrency = 3 });
        var company = await rig.CompanyIdAsync("USMF");
        var items = Enumerable.Range(1, 1200).Select(i => BulkWriterRig.Account(company, "CEIL-" + i.ToString("D4"), "Ceiling " + i)).ToArray();

        var result = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.FinOpsToDataverse, items, CancellationToken.None);

        Assert.Empty(result.Failed);
        Assert.Equal(60, rig.DataverseProbe.Posts);
        Assert.InRange(rig.DataverseProbe.Peak, 2, 3);
        Assert.InRange(rig.Writer.DataversePacer.Limit, 1, 3);
    }

    [Fact]
    public async Task Throttled_batches_wait_the_Retry_After_halve_the_pace_and_still_all_land()
    {
        var protection = new ServiceProtectionOptions { Enabled = true, Window = TimeSpan.FromSeconds(1), MaxRequests = 4, MaxConcurrentRequests = 52 };
        await using var rig = await BulkWriterRig.StartAsync(new BulkWriterOptions { BatchSize = 25, InitialConcurrency = 4, MaxConcurrency = 8 }, protection);
        var company = await rig.CompanyIdAsync("USMF");
        var items = Enumerable.Range(1, 300).Select(i => BulkWriterRig.Account(company, "THR-" + i.ToString("D4"), "Throttled " + i)).ToArray();

        var result = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.FinOpsToDataverse, items, CancellationToken.None);

        Assert.Empty(result.Failed);
        Assert.True(rig.Registry.For(rig.Dataverse.WebApiRoot).Throttles > 0, "the service protection should have answered 429 at least once");
        Assert.True(rig.Writer.DataversePacer.Limit < 4, "a 429 halves the pace; it was " + rig.Writer.DataversePacer.Limit);
        Assert.Equal(300, (await rig.AccountsAsync(company, "THR-")).Count);
    }
}
