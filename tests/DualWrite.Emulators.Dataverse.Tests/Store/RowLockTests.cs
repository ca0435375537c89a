using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Store;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Store;

/// <summary>
/// Row locking as SQL Server does it for Dataverse: writers of one record queue behind each other and lose no
/// update, writers of other records run meanwhile, a cycle of waits ends with one victim rolled back, and every
/// transaction still commits or rolls back as a whole.
/// </summary>
public sealed class RowLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_second_writer_of_the_same_record_waits_for_the_first_and_loses_no_update()
    {
        using var inPostOperation = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Update", "account", PipelineStage.PostOperation, s =>
            {
                if (s.Target.Contains("description"))
                {
                    inPostOperation.Set();
                    Assert.True(release.Wait(Patience));
                }
            }))
            .Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        var first = Task.Run(() => dataverse.Service.Update(new Entity("account", id) { ["description"] = "from the first" }));
        Assert.True(inPostOperation.Wait(Patience));
        var second = Task.Run(() => dataverse.Service.Update(new Entity("account", id) { ["name"] = "from the second" }));
        await Task.Delay(200);
        Assert.False(second.IsCompleted);

        release.Set();
        await Task.WhenAll(first, second).WaitAsync(Patience);
        var record = dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        Assert.Equal("from the first", record["description"]);
        Assert.Equal("from the second", record["name"]);
    }

    [Fact]
    public async Task Two_upserts_of_one_new_key_value_end_in_one_record_with_both_changes()
    {
        using var inPostOperation = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                inPostOperation.Set();
                Assert.True(release.Wait(Patience));
            }))
            .Build();

        var first = Task.Run(() => dataverse.Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "A-1") { ["name"] = "first" } }));
        Assert.True(inPostOperation.Wait(Patience));
        var second = Task.Run(() => dataverse.Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "A-1") { ["description"] = "second" } }));
        await Task.Delay(200);
        Assert.False(second.IsCompleted);

        release.Set();
        var created = (UpsertResponse)await first.WaitAsync(Patience);
        var updated = (UpsertResponse)await second.WaitAsync(Patience);
        Assert.True(created.RecordCreated);
        Assert.False(updated.RecordCreated);
        var record = Assert.Single(dataverse.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal("first", record["name"]);
        Assert.Equal("second", record["description"]);
    }

    [Fact]
    public async Task A_cycle_of_waits_makes_one_transaction_the_deadlock_victim_and_rolls_it_back_whole()
    {
        using var dataverse = TestDataverse.Build();
        var a = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });
        var b = dataverse.Service.Create(new Entity("account") { ["name"] = "B" });
        using var bothHoldOne = new Barrier(2);

        Exception? Run(Guid mine, Guid other, string by)
        {
            using var transaction = dataverse.BeginTransaction();
            try
            {
                transaction.Execute(new UpdateRequest { Target = new Entity("account", mine) { ["description"] = by } });
                transaction.Execute(new CreateRequest { Target = new Entity("contact") { ["lastname"] = "made by " + by } });
                Assert.True(bothHoldOne.SignalAndWait(Patience));
                transaction.Execute(new UpdateRequest { Target = new Entity("account", other) { ["description"] = by } });
                transaction.Commit();
                return null;
            }
            catch (DataverseFaultException ex)
            {
                return ex;
            }
        }

        var first = Task.Run(() => Run(a, b, "first"));
        var second = Task.Run(() => Run(b, a, "second"));
        var outcomes = await Task.WhenAll(first, second).WaitAsync(Patience);

        var victim = Assert.Single(outcomes, o => o is not null)!;
        Assert.Equal(LockFaults.GenericSqlError, ((DataverseFaultException)victim).ErrorCode);
        Assert.Contains("1205", victim.Message, StringComparison.Ordinal);
        var winner = outcomes[0] is null ? "first" : "second";
        Assert.Equal(winner, dataverse.Service.Retrieve("account", a, new ColumnSet("description"))["description"]);
        Assert.Equal(winner, dataverse.Service.Retrieve("account", b, new ColumnSet("description"))["description"]);
        var contact = Assert.Single(dataverse.Service.RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") }).Entities);
        Assert.Equal("made by " + winner, contact["lastname"]);
    }

    [Fact]
    public async Task A_writer_that_waits_longer_than_the_lock_timeout_fails_and_leaves_nothing()
    {
        using var inPostOperation = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Update", "account", PipelineStage.PostOperation, s =>
            {
                if (s.Target.Contains("description"))
                {
                    inPostOperation.Set();
                    Assert.True(release.Wait(Patience));
                }
            }))
            .Build();
        dataverse.Store.Locks.Timeout = TimeSpan.FromMilliseconds(200);
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });
        var holder = Task.Run(() => dataverse.Service.Update(new Entity("account", id) { ["description"] = "held" }));
        Assert.True(inPostOperation.Wait(Patience));

        var fault = await Assert.ThrowsAsync<DataverseFaultException>(() => Task.Run(() =>
        {
            using var transaction = dataverse.BeginTransaction();
            transaction.Execute(new CreateRequest { Target = new Entity("contact") { ["lastname"] = "waits" } });
            transaction.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "too late" } });
            transaction.Commit();
        })).WaitAsync(Patience);

        Assert.Equal(LockFaults.SqlTimeout, fault.ErrorCode);
        release.Set();
        await holder.WaitAsync(Patience);
        Assert.Empty(dataverse.Service.RetrieveMultiple(new QueryExpression("contact")).Entities);
        Assert.Equal("A", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public async Task A_transaction_sees_commits_made_while_it_is_open_and_its_commit_keeps_them()
    {
        using var dataverse = TestDataverse.Build();
        var existing = dataverse.Service.Create(new Entity("account") { ["name"] = "existing", ["accountnumber"] = "E-1" });

        using (var transaction = dataverse.BeginTransaction())
        {
            transaction.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "mine", ["accountnumber"] = "M-1" } });
            // Another thread: this one has a transaction open.
            await Task.Run(() =>
            {
                dataverse.Service.Create(new Entity("account") { ["name"] = "theirs", ["accountnumber"] = "T-1" });
                dataverse.Service.Update(new Entity("account", existing) { ["description"] = "changed meanwhile" });
            }).WaitAsync(Patience);

            // Read committed: their rows are visible inside the open transaction, next to its own.
            var seen = (RetrieveMultipleResponse)transaction.Execute(new RetrieveMultipleRequest { Query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") } });
            Assert.Equal(3, seen.EntityCollection.Entities.Count);
            transaction.Execute(new UpdateRequest { Target = new Entity("account", existing) { ["name"] = "renamed by mine" } });
            transaction.Commit();
        }

        var accounts = dataverse.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name", "description"), Orders = { new OrderExpression("name", OrderType.Ascending) } }).Entities;
        Assert.Equal(["mine", "renamed by mine", "theirs"], [.. System.Linq.Enumerable.Select(accounts, e => (string)e["name"])]);
        Assert.Equal("changed meanwhile", dataverse.Service.Retrieve("account", existing, new ColumnSet("description"))["description"]);

        // The key index follows the merged commits: each key value names its own record.
        Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "dup", ["accountnumber"] = "T-1" }));
        Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "dup", ["accountnumber"] = "M-1" }));
    }
}
