using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Core.Properties.Tests.Keys;

/// <summary>
/// Shrunk counterexamples of <see cref="KeyUrlRoundTripProperties"/>, kept as plain tests. The Dataverse
/// emulator read key segments from ASP.NET's decoded path, which leaves %2F encoded: a key "(b/v" arrived as
/// "(b%2Fv", and a key holding the text "%2F" could not be told from one holding '/'. $batch parts and
/// @odata.bind values were read undecoded or decoded differently again.
/// </summary>
public sealed class KeyUrlRegressionTests : IClassFixture<LoopbackEmulators>
{
    private readonly LoopbackEmulators _emulators;

    public KeyUrlRegressionTests(LoopbackEmulators emulators)
    {
        _emulators = emulators;
    }

    [Theory]
    [InlineData("(b/v")]
    [InlineData("a%2Fb")]
    [InlineData("%25")]
    [InlineData("a+b c")]
    public async Task A_Dataverse_key_with_a_slash_or_percent_names_exactly_its_record(string accountNumber)
    {
        var path = AccountPath(accountNumber);
        LoopbackEmulators.Ok(await _emulators.Dataverse.UpsertAsync(path, new JsonObject { ["name"] = accountNumber }, UpsertMode.CreateOrUpdate, null, CancellationToken.None), "upsert");
        try
        {
            var read = LoopbackEmulators.Ok(await _emulators.Dataverse.RetrieveAsync(path, ["accountnumber"], CancellationToken.None), "GET");
            Assert.Equal(accountNumber, read?["accountnumber"]?.GetValue<string>());
            var batch = LoopbackEmulators.Ok(await _emulators.Dataverse.BatchAsync([BatchOperation.Get(path + "?$select=accountnumber")], atomic: false, null, CancellationToken.None), "$batch");
            Assert.Equal(accountNumber, batch[0].Body?["accountnumber"]?.GetValue<string>());
        }
        finally
        {
            await _emulators.Dataverse.DeleteAsync(path, null, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Keys_holding_a_slash_and_the_text_percent_2F_are_two_records()
    {
        var slash = AccountPath("x/y");
        var encoded = AccountPath("x%2Fy");
        LoopbackEmulators.Ok(await _emulators.Dataverse.UpsertAsync(slash, new JsonObject { ["name"] = "slash" }, UpsertMode.CreateOrUpdate, null, CancellationToken.None), "upsert slash");
        LoopbackEmulators.Ok(await _emulators.Dataverse.UpsertAsync(encoded, new JsonObject { ["name"] = "percent" }, UpsertMode.CreateOrUpdate, null, CancellationToken.None), "upsert percent");
        try
        {
            Assert.Equal("slash", LoopbackEmulators.Ok(await _emulators.Dataverse.RetrieveAsync(slash, ["name"], CancellationToken.None), "GET slash")?["name"]?.GetValue<string>());
            Assert.Equal("percent", LoopbackEmulators.Ok(await _emulators.Dataverse.RetrieveAsync(encoded, ["name"], CancellationToken.None), "GET percent")?["name"]?.GetValue<string>());
        }
        finally
        {
            await _emulators.Dataverse.DeleteAsync(slash, null, CancellationToken.None);
            await _emulators.Dataverse.DeleteAsync(encoded, null, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_bind_by_an_escaped_alternate_key_finds_the_record()
    {
        var parentNumber = "P 1/#?";
        var parent = AccountPath(parentNumber);
        var child = AccountPath("child-of-escaped");
        LoopbackEmulators.Ok(await _emulators.Dataverse.UpsertAsync(parent, new JsonObject { ["name"] = "parent" }, UpsertMode.CreateOrUpdate, null, CancellationToken.None), "upsert parent");
        try
        {
            var bind = ODataKeyFormatter.BindReference("accounts", AccountKey(parentNumber));
            LoopbackEmulators.Ok(await _emulators.Dataverse.UpsertAsync(child, new JsonObject { ["name"] = "child", ["msdyn_billingaccount@odata.bind"] = bind }, UpsertMode.CreateOrUpdate, null, CancellationToken.None), "upsert child bound to " + bind);
            var read = LoopbackEmulators.Ok(await _emulators.Dataverse.RetrieveAsync(child, ["_msdyn_billingaccount_value"], CancellationToken.None), "GET child");
            var parentId = LoopbackEmulators.Ok(await _emulators.Dataverse.FindIdAsync(parent, "account", CancellationToken.None), "find parent");
            Assert.Equal(parentId.ToString(), read?["_msdyn_billingaccount_value"]?.GetValue<string>());
        }
        finally
        {
            await _emulators.Dataverse.DeleteAsync(child, null, CancellationToken.None);
            await _emulators.Dataverse.DeleteAsync(parent, null, CancellationToken.None);
        }
    }

    private ODataKey AccountKey(string accountNumber) => ODataKey.Named(
    [
        new KeyValuePair<string, object>("_msdyn_company_value", _emulators.UsmfCompanyId),
        new KeyValuePair<string, object>("accountnumber", accountNumber),
    ]);

    private string AccountPath(string accountNumber) => ODataKeyFormatter.EntityPath("accounts", AccountKey(accountNumber));
}
