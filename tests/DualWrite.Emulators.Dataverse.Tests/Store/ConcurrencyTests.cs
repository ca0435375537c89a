using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Store;

public sealed class ConcurrencyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Parallel_writers_all_commit_and_every_record_gets_its_own_version()
    {
        using var dataverse = TestDataverse.Build();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                dataverse.Service.Create(new Entity("account") { ["name"] = $"w{worker}-{i}", ["accountnumber"] = $"{worker}-{i}" });
            }
        })));

        var all = dataverse.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("versionnumber") });
        Assert.Equal(200, all.Entities.Count);
        Assert.Equal(200, all.Entities.Select(e => e["versionnumber"]).Distinct().Count());
    }

    [Fact]
    public async Task Readers_see_only_committed_data_while_a_transaction_is_open_and_a_writer_of_another_record_does_not_wait()
    {
        using var inPostOperation = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                if ((string)s.Target["name"] != "slow")
                {
                    return;
                }

                // Inside the transaction the plug-in sees its own record.
                Assert.Single(s.Service.RetrieveMultiple(new QueryExpression("account") { Criteria = { Conditions = { new ConditionExpression("name", ConditionOperator.Equal, "slow") } } }).Entities);
                inPostOperation.Set();
                Assert.True(release.Wait(Patience));
            }))
            .Build();

        var writer = Task.Run(() => dataverse.Service.Create(new Entity("account") { ["name"] = "slow" }));
        Assert.True(inPostOperation.Wait(Patience));

        Assert.Empty(dataverse.Service.RetrieveMultiple(new QueryExpression("account")).Entities);

        // Row locks, as on the service: a plug-in that is slow (calling out, say) holds its own record, not the store.
        await Task.Run(() => dataverse.Service.Create(new Entity("account") { ["name"] = "second" })).WaitAsync(Patience);
        Assert.Equal("second", (string)Assert.Single(dataverse.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }).Entities)["name"]);
        Assert.False(writer.IsCompleted);

        release.Set();
        await writer.WaitAsync(Patience);
        Assert.Equal(2, dataverse.Service.RetrieveMultiple(new QueryExpression("account")).Entities.Count);
    }

    [Fact]
    public void A_plugin_that_writes_through_an_outer_service_gets_an_error_instead_of_a_deadlock()
    {
        InMemoryDataverse? engine = null;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => engine!.Service.Create(new Entity("contact") { ["lastname"] = "wrong service" })))
            .Build();
        engine = dataverse;

        var fault = Assertions.Fault(ErrorCodes.UnexpectedPluginException, () => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Contains("IOrganizationServiceFactory", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }
}
