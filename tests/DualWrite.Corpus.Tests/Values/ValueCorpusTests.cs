using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Corpus.Tests.Support;

namespace DualWrite.Corpus.Tests.Values;

/// <summary>
/// Each case of tests/corpus/values: a user creates a customer on one side (F&amp;O's OData, or a Dataverse save that
/// our plug-in writes through) with a hostile key or value. Expected: it syncs to the other side unchanged, or the save
/// is refused naming the field, or the listener parks it in the error queue naming the field; never half a record on
/// the other side, and a good change still flows afterwards.
/// </summary>
[Collection(CorpusSystemCollection.Name)]
public sealed class ValueCorpusTests(CorpusSystem system)
{
    public static TheoryData<string> Cases => CorpusCase.Names("values");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_key_or_value_syncs_unchanged_or_is_refused_by_name_and_leaves_nothing_half_written(string name)
    {
        var corpusCase = CorpusCase.Load("values", name);
        var input = corpusCase.Input;
        var account = input["account"]!.GetValue<string>();
        var side = input["side"]!.GetValue<string>();
        var outcome = corpusCase.Expect["outcome"]!.GetValue<string>();
        await system.WaitForQuietAsync();
        var errorsBefore = await system.OpenErrorsAsync();

        var (status, answer) = side == "finOps" ? await CreateInFinOpsAsync(account, input) : await CreateInDataverseAsync(account, input);
        await system.WaitForQuietAsync();
        var inFinOps = await FinOpsCustomerAsync(account);
        var inDataverse = await system.AccountAsync(account);
        var newErrors = (await system.OpenErrorsAsync()).Where(e => !errorsBefore.Any(b => b["id"]!.ToJsonString() == e["id"]!.ToJsonString())).ToList();
        var shown = corpusCase + Environment.NewLine + "answer " + status + ": " + answer + Environment.NewLine + "F&O: " + inFinOps?.ToJsonString()
            + Environment.NewLine + "Dataverse: " + inDataverse?.ToJsonString() + Environment.NewLine + "new errors: " + string.Join(" | ", newErrors.Select(e => e.ToJsonString()));

        Assert.True(status < 500, shown);
        switch (outcome)
        {
            case "synced":
                Assert.True(status is >= 200 and < 300, shown);
                Assert.True(inFinOps is not null && inDataverse is not null, shown);
                Assert.True(account == inFinOps!["CustomerAccount"]!.GetValue<string>() && account == inDataverse!["accountnumber"]!.GetValue<string>(), shown);
                foreach (var (finOpsField, dataverseColumn) in corpusCase.Expect["equal"] as JsonObject ?? [])
                {
                    Assert.True(JsonNode.DeepEquals(inFinOps[finOpsField], inDataverse[dataverseColumn!.GetValue<string>()]), shown);
                }

                Assert.Empty(newErrors);
                break;
            case "refused":
                // The side the user saved on said no, naming what was wrong; neither side holds the record.
                Assert.True(status is >= 400 and < 500, shown);
                MessageAssert.ContainsAll(corpusCase, answer);
                Assert.True(inFinOps is null && inDataverse is null, shown);
                break;
            case "failed":
                // F&O took it; the listener could not write it to Dataverse and says why in the error queue.
                Assert.True(status is >= 200 and < 300 && inFinOps is not null && inDataverse is null, shown);
                var error = Assert.Single(newErrors);
                MessageAssert.ContainsAll(corpusCase, error.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            default:
                throw new ArgumentException("unknown outcome '" + outcome + "'");
        }

        await system.AssertGoodRecordFlowsAsync(corpusCase.ToString());
    }

    private async Task<(int Status, string Answer)> CreateInFinOpsAsync(string account, JsonObject input)
    {
        var body = new JsonObject
        {
            ["dataAreaId"] = "usmf",
            ["CustomerAccount"] = account,
            ["OrganizationName"] = "Corpus " + account,
            ["CustomerGroupId"] = "10",
            ["PartyType"] = "Organization",
            ["LanguageId"] = "en-us",
            ["SalesCurrencyCode"] = "USD",
        };
        foreach (var (field, value) in input["values"] as JsonObject ?? [])
        {
            body[field] = value?.DeepClone();
        }

        using var http = await system.Emulators.FinOps.CreateAuthenticatedClientAsync();
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(system.Emulators.FinOps.DataAddress, "CustomersV3"), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(int Status, string Answer)> CreateInDataverseAsync(string account, JsonObject input)
    {
        var body = new JsonObject
        {
            ["name"] = "Corpus " + account,
            ["accountnumber"] = account,
            ["customertypecode"] = 3,
            ["msdyn_company@odata.bind"] = "/cdm_companies(cdm_companycode='USMF')",
        };
        foreach (var (column, value) in input["values"] as JsonObject ?? [])
        {
            body[column] = value?.DeepClone();
        }

        using var http = await system.Emulators.Dataverse.CreateAuthenticatedClientAsync();
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("accounts", content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The F&amp;O customer by key, read with the key formatted and escaped as the listener does (null when absent).</summary>
    private async Task<JsonObject?> FinOpsCustomerAsync(string account)
    {
        var key = ODataKey.Named([new("dataAreaId", "usmf"), new("CustomerAccount", account)]);
        var result = await system.FinOps.GetAsync("CustomersV3" + key.ToPredicate(), null, default);
        return result.Succeeded ? result.Value : null;
    }
}
