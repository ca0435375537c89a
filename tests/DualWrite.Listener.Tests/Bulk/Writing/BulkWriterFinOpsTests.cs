using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.Writing;

namespace DualWrite.Listener.Tests.Bulk.Writing;

public sealed class BulkWriterFinOpsTests
{
    [Fact]
    public async Task FinOps_gets_one_batch_updating_what_exists_creating_what_does_not_and_refusing_a_bad_record_alone()
    {
        await using var rig = await BulkWriterRig.StartAsync(withFinOps: true);
        var items = new[]
        {
            Customer("US-001", new JsonObject { ["OrganizationName"] = "Renamed in bulk" }),
            Customer("US-901", new JsonObject { ["dataAreaId"] = "usmf", ["CustomerAccount"] = "US-901", ["OrganizationName"] = "New in bulk", ["PartyType"] = "Organization", ["CustomerGroupId"] = "10", ["LanguageId"] = "en-us" }),
            Customer("US-902", new JsonObject { ["dataAreaId"] = "usmf", ["CustomerAccount"] = "US-902", ["OrganizationName"] = "Bad group", ["PartyType"] = "Organization", ["CustomerGroupId"] = "99", ["LanguageId"] = "en-us" }),
        };

        var result = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.DataverseToFinOps, items, CancellationToken.None);
        var again = await rig.Writer.WriteAsync(rig.Customers, SyncDirection.DataverseToFinOps, items.Take(2).ToArray(), CancellationToken.None);

        Assert.Equal(new[] { "usmf/US-001", "usmf/US-901" }, result.Written.Select(item => item.SourceKey));
        var error = Assert.Single(result.Failed);
        Assert.Equal("usmf/US-902", error.Item.SourceKey);
        Assert.Equal("CustomerGroupId", error.Field);
        Assert.False(error.Transient);
        Assert.Empty(again.Failed);
        Assert.Equal("Renamed in bulk", await NameAsync(rig, "US-001"));
        Assert.Equal("New in bulk", await NameAsync(rig, "US-901"));
        Assert.Null((await rig.FinOps.GetAsync(Path("US-902"), null, CancellationToken.None)).GetValueOrThrow());
    }

    private static BulkItem Customer(string account, JsonObject body) => new(Path(account), "usmf/" + account, Path(account), body);

    private static string Path(string account) => "CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')";

    private static async Task<string?> NameAsync(BulkWriterRig rig, string account) =>
        (await rig.FinOps.GetAsync(Path(account), null, CancellationToken.None)).GetValueOrThrow()?["OrganizationName"]?.GetValue<string>();
}
