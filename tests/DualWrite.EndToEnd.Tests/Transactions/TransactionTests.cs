using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Ledger;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.EndToEnd.Tests.Transactions;

/// <summary>
/// A Dataverse transaction that does not commit leaves nothing in F&amp;O: the plug-in's write-through is matched
/// against its ledger row, and reverted in F&amp;O when the row never commits; the listener never copies it back.
/// </summary>
public class TransactionTests
{
    private const string Settle = "--DualWrite:Applying:WriteThroughSettle=00:00:02";
    private static readonly string TooLong = new('N', 101);

    [Fact]
    public async Task A_batch_changeset_that_fails_on_its_second_record_leaves_the_first_unchanged_in_FinOps()
    {
        await using var rig = await SyncRig.StartAsync(customers: 12, Settle);
        var (first, second) = await TwoAccountsAsync(rig);
        var before = await NamesAsync(rig, first, second);
        var writesBefore = AccountWrites(rig);

        using var http = await rig.Emulators.Dataverse.CreateAuthenticatedClientAsync();
        var body = ChangesetOf(rig, ("accounts(" + first.Id + ")", "Renamed in a failed batch"), ("accounts(" + second.Id + ")", TooLong));
        using var content = new StringContent(body.Text, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=" + body.Boundary);
        using var response = await http.PostAsync("$batch", content);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Contains("400", answer, StringComparison.Ordinal);
        await AssertConvergedToAsync(rig, before, first, second, writesBefore);
    }

    [Fact]
    public async Task An_ExecuteTransaction_whose_second_request_fails_leaves_the_first_unchanged_in_FinOps()
    {
        await using var rig = await SyncRig.StartAsync(customers: 12, Settle);
        var (first, second) = await TwoAccountsAsync(rig);
        var before = await NamesAsync(rig, first, second);
        var writesBefore = AccountWrites(rig);
        var requests = new OrganizationRequestCollection { Rename(first.Id, "Renamed in a failed transaction"), Rename(second.Id, TooLong) };

        var fault = Assert.ThrowsAny<Exception>(() => rig.Emulators.Dataverse.Engine.Service.Execute(new ExecuteTransactionRequest { Requests = requests }));

        Assert.Contains("CustomersV3", fault.ToString(), StringComparison.Ordinal);
        await AssertConvergedToAsync(rig, before, first, second, writesBefore);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteMultiple_commits_each_good_request_and_reverts_nothing_it_kept(bool continueOnError)
    {
        await using var rig = await SyncRig.StartAsync(customers: 12, Settle);
        var (first, second) = await TwoAccountsAsync(rig);
        var (_, third) = await TwoAccountsAsync(rig, skip: 2);
        var requests = new OrganizationRequestCollection { Rename(first.Id, "Kept by ExecuteMultiple"), Rename(second.Id, TooLong), Rename(third.Id, "After the fault") };
        var thirdBefore = (await rig.FinOpsCustomerAsync(third.Account))!["OrganizationName"]!.GetValue<string>();

        var response = (ExecuteMultipleResponse)rig.Emulators.Dataverse.Engine.Service.Execute(new ExecuteMultipleRequest
        {
            Requests = requests,
            Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = true },
        });

        Assert.True(response.IsFaulted);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("Kept by ExecuteMultiple", (await rig.FinOpsCustomerAsync(first.Account))!["OrganizationName"]!.GetValue<string>());
        Assert.Equal("Kept by ExecuteMultiple", (await rig.AccountAsync(first.Account))!["name"]!.GetValue<string>());
        var thirdExpected = continueOnError ? "After the fault" : thirdBefore;
        Assert.Equal(thirdExpected, (await rig.FinOpsCustomerAsync(third.Account))!["OrganizationName"]!.GetValue<string>());
        Assert.Equal(thirdExpected, (await rig.AccountAsync(third.Account))!["name"]!.GetValue<string>());
        Assert.NotEqual(TooLong, (await rig.FinOpsCustomerAsync(second.Account))!["OrganizationName"]!.GetValue<string>());
        Assert.Empty(await LedgerRowsAsync(rig));
    }

    [Theory]
    [InlineData(PipelineStage.PostOperation)]
    [InlineData(PipelineStage.PreOperation)]
    public async Task A_customer_plugin_that_throws_after_ours_ran_leaves_FinOps_unchanged(PipelineStage stage)
    {
        // PostOperation: the customer's step runs after ours on the same record. PreOperation: on the second record
        // of the transaction, after ours wrote the first record through.
        await using var rig = await SyncRig.StartAsync(
            options => options.AdditionalSteps.Add(new StepRegistration { PluginType = typeof(CustomerPlugin), Message = "Update", Table = "account", Stage = stage, Rank = 10 }), 12, Settle);
        var (first, second) = await TwoAccountsAsync(rig);
        var before = await NamesAsync(rig, first, second);
        var writesBefore = AccountWrites(rig);
        var refusing = new Entity("account", first.Id) { ["name"] = "Renamed, then refused", ["description"] = CustomerPlugin.Refuse };
        var secondRefusing = new Entity("account", second.Id) { ["description"] = CustomerPlugin.Refuse };
        var requests = stage == PipelineStage.PostOperation
            ? new OrganizationRequestCollection { new UpdateRequest { Target = refusing } }
            : new OrganizationRequestCollection { Rename(first.Id, "Renamed, then refused"), new UpdateRequest { Target = secondRefusing } };

        var fault = Assert.ThrowsAny<Exception>(() => rig.Emulators.Dataverse.Engine.Service.Execute(new ExecuteTransactionRequest { Requests = requests }));

        Assert.Contains(CustomerPlugin.Refuse, fault.Message, StringComparison.Ordinal);
        await AssertConvergedToAsync(rig, before, first, second, writesBefore);
    }

    [Fact]
    public async Task A_committed_save_is_matched_with_its_ledger_row_and_the_row_is_cleared()
    {
        await using var rig = await SyncRig.StartAsync(customers: 12, Settle);
        var (first, _) = await TwoAccountsAsync(rig);

        using var saved = await rig.SaveInDataverseAsync("accounts(" + first.Id + ")", new JsonObject { ["name"] = "Committed rename" });

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await rig.WaitForQuietAsync();
        Assert.Equal("Committed rename", (await rig.FinOpsCustomerAsync(first.Account))!["OrganizationName"]!.GetValue<string>());
        Assert.Equal("Committed rename", (await rig.AccountAsync(first.Account))!["name"]!.GetValue<string>());
        Assert.Empty(await LedgerRowsAsync(rig));
    }

    private static async Task AssertConvergedToAsync(SyncRig rig, (string First, string Second) before, Target first, Target second, int writesBefore)
    {
        // The F&O change of the rolled-back save is reverted once the settle time has passed.
        await Eventually.TrueAsync(
            async () => (await rig.FinOpsCustomerAsync(first.Account))!["OrganizationName"]!.GetValue<string>() == before.First,
            "F&O's " + first.Account + " back to its name",
            TimeSpan.FromSeconds(30));
        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(before.First, (await rig.FinOpsCustomerAsync(first.Account))!["OrganizationName"]!.GetValue<string>());
        Assert.Equal(before.Second, (await rig.FinOpsCustomerAsync(second.Account))!["OrganizationName"]!.GetValue<string>());
        Assert.Equal(before.First, (await rig.AccountAsync(first.Account))!["name"]!.GetValue<string>());
        Assert.Equal(before.Second, (await rig.AccountAsync(second.Account))!["name"]!.GetValue<string>());
        Assert.Equal(writesBefore, AccountWrites(rig));
        Assert.Empty(await LedgerRowsAsync(rig));
    }

    private static async Task<(Target First, Target Second)> TwoAccountsAsync(SyncRig rig, int skip = 0)
    {
        var accounts = (await rig.SyncedUsmfAccountsAsync()).Skip(skip).Take(2).ToList();
        var targets = new Target[2];
        for (var i = 0; i < 2; i++)
        {
            targets[i] = new Target(accounts[i], Guid.Parse((await rig.AccountAsync(accounts[i]))!["accountid"]!.GetValue<string>()));
        }

        await rig.WaitForQuietAsync();
        return (targets[0], targets[1]);
    }

    private static async Task<(string First, string Second)> NamesAsync(SyncRig rig, Target first, Target second) =>
        ((await rig.FinOpsCustomerAsync(first.Account))!["OrganizationName"]!.GetValue<string>(), (await rig.FinOpsCustomerAsync(second.Account))!["OrganizationName"]!.GetValue<string>());

    private static UpdateRequest Rename(Guid id, string name) => new() { Target = new Entity("account", id) { ["name"] = name } };

    private static async Task<JsonArray> LedgerRowsAsync(SyncRig rig)
    {
        using var http = await rig.Emulators.Dataverse.CreateAuthenticatedClientAsync();
        return JsonNode.Parse(await http.GetStringAsync(WriteThroughLedgerTable.EntitySet))!["value"]!.AsArray();
    }

    /// <summary>The listener's writes to accounts: a rolled-back save must never be copied back.</summary>
    private static int AccountWrites(SyncRig rig) =>
        rig.ListenerToDataverse.Requests.Count(r => (r.StartsWith("PATCH", StringComparison.Ordinal) || r.StartsWith("POST", StringComparison.Ordinal)) && r.Contains("accounts", StringComparison.Ordinal));

    private static (string Text, string Boundary) ChangesetOf(SyncRig rig, params (string Path, string Name)[] renames)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append("\r\nContent-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        var contentId = 1;
        foreach (var (path, name) in renames)
        {
            text.Append("--").Append(changeset).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ").Append(contentId++).Append("\r\n\r\n");
            text.Append("PATCH ").Append(rig.Emulators.Dataverse.ServiceRoot).Append(path).Append(" HTTP/1.1\r\nContent-Type: application/json\r\nIf-Match: *\r\n\r\n");
            text.Append(new JsonObject { ["name"] = name }.ToJsonString()).Append("\r\n");
        }

        text.Append("--").Append(changeset).Append("--\r\n--").Append(batch).Append("--\r\n");
        return (text.ToString(), batch);
    }

    private sealed record Target(string Account, Guid Id);
}
