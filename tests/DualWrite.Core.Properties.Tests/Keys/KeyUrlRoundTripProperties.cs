using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using DualWrite.Core.Keys;
using DualWrite.Core.Properties.Tests.Generators;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Core.Properties.Tests.Keys;

/// <summary>
/// Any string survives as a key through both services' URLs: Core's key formatting (F&amp;O key segment,
/// Dataverse alternate-key segment), sent by the listener's clients over loopback HTTP (one request and
/// inside a $batch), read back by the emulators' key parsing, names the record holding exactly that string.
/// </summary>
public sealed class KeyUrlRoundTripProperties : IClassFixture<LoopbackEmulators>
{
    private static readonly string[] FinOpsGroupKey = ["dataAreaId", "CustomerGroupId"];
    private readonly LoopbackEmulators _emulators;

    public KeyUrlRoundTripProperties(LoopbackEmulators emulators)
    {
        _emulators = emulators;
    }

    [Fact]
    public void Any_string_in_an_FinOps_key_reaches_the_FinOps_router_unchanged()
    {
        var router = new ODataRouter(FinOpsSchema.Standard);
        var set = FinOpsSchema.Standard.Find("CustomersV3")!;
        var account = set.GetField("CustomerAccount");
        KeyStrings.Of(1, 40).Sample(
            value =>
            {
                var path = FinOpsPath("CustomersV3", ["dataAreaId", "CustomerAccount"], "usmf", value);
                var request = new ODataRequest("GET", path, string.Empty, new Dictionary<string, string>(), string.Empty, new Uri("http://localhost/data/"));
                Assert.True(router.TryRoute(request, batchAllowed: false, out var route, out var error), path + ": " + error?.Body);
                Assert.Equal(value, route!.Probe![account.Index]);
            },
            iter: 3000,
            print: Printed.Literal);
    }

    [Fact]
    public async Task Any_string_survives_as_an_FinOps_key_through_the_listeners_client()
    {
        var finOps = _emulators.FinOps;
        await KeyStrings.Of(1, 10).SampleAsync(
            async value =>
            {
                var path = FinOpsPath("CustomerGroups", FinOpsGroupKey, "usmf", value);
                LoopbackEmulators.Ok(await finOps.CreateAsync("CustomerGroups", new JsonObject { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = value, ["Description"] = "created" }, CancellationToken.None), "create");
                try
                {
                    var read = LoopbackEmulators.Ok(await finOps.GetAsync(path, null, CancellationToken.None), "GET " + path);
                    Assert.Equal(value, read?["CustomerGroupId"]?.GetValue<string>());
                    Assert.True(LoopbackEmulators.Ok(await finOps.UpdateAsync(path, new JsonObject { ["Description"] = "updated" }, CancellationToken.None), "PATCH " + path));
                    var batch = LoopbackEmulators.Ok(await finOps.BatchAsync([BatchOperation.Get(path)], atomic: false, CancellationToken.None), "$batch GET " + path);
                    Assert.True(batch[0].Succeeded, "$batch GET " + path + ": " + batch[0].Error);
                    Assert.Equal(value, batch[0].Body?["CustomerGroupId"]?.GetValue<string>());
                    Assert.Equal("updated", batch[0].Body?["Description"]?.GetValue<string>());
                }
                finally
                {
                    Assert.True(LoopbackEmulators.Ok(await finOps.DeleteAsync(path, CancellationToken.None), "DELETE " + path), "DELETE " + path + " found nothing");
                }

                Assert.Null(LoopbackEmulators.Ok(await finOps.GetAsync(path, null, CancellationToken.None), "GET after delete"));
            },
            iter: 150,
            threads: 1,
            print: Printed.Literal);
    }

    [Fact]
    public async Task Any_string_survives_as_a_Dataverse_alternate_key_through_the_listeners_client()
    {
        var dataverse = _emulators.Dataverse;
        var company = _emulators.UsmfCompanyId;
        await KeyStrings.Of(1, 20).SampleAsync(
            async value =>
            {
                var path = ODataKeyFormatter.EntityPath("accounts", ODataKey.Named(
                [
                    new KeyValuePair<string, object>("_msdyn_company_value", company),
                    new KeyValuePair<string, object>("accountnumber", value),
                ]));
                LoopbackEmulators.Ok(await dataverse.UpsertAsync(path, new JsonObject { ["name"] = "created" }, UpsertMode.CreateOrUpdate, null, CancellationToken.None), "upsert " + path);
                try
                {
                    var read = LoopbackEmulators.Ok(await dataverse.RetrieveAsync(path, ["accountnumber", "name"], CancellationToken.None), "GET " + path);
                    Assert.Equal(value, read?["accountnumber"]?.GetValue<string>());
                    LoopbackEmulators.Ok(await dataverse.UpsertAsync(path, new JsonObject { ["name"] = "updated" }, UpsertMode.UpdateOnly, null, CancellationToken.None), "update " + path);
                    var batch = LoopbackEmulators.Ok(await dataverse.BatchAsync([BatchOperation.Get(path + "?$select=accountnumber,name")], atomic: false, null, CancellationToken.None), "$batch GET " + path);
                    Assert.True(batch[0].Succeeded, "$batch GET " + path + ": " + batch[0].Error);
                    Assert.Equal(value, batch[0].Body?["accountnumber"]?.GetValue<string>());
                    Assert.Equal("updated", batch[0].Body?["name"]?.GetValue<string>());
                }
                finally
                {
                    Assert.True(LoopbackEmulators.Ok(await dataverse.DeleteAsync(path, null, CancellationToken.None), "DELETE " + path), "DELETE " + path + " found nothing");
                }

                Assert.Null(LoopbackEmulators.Ok(await dataverse.RetrieveAsync(path, ["accountnumber"], CancellationToken.None), "GET after delete"));
            },
            iter: 150,
            threads: 1,
            print: Printed.Literal);
    }

    private static string FinOpsPath(string entitySet, IReadOnlyList<string> keyFields, string company, string value)
    {
        var key = FinOpsKeyBuilder.Build(entitySet, keyFields, f => f == "dataAreaId" ? company : value);
        Assert.True(key.IsSuccess, key.Error);
        return key.Path;
    }
}
