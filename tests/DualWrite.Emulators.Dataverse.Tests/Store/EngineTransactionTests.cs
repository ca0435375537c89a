using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Tests.Store;

public sealed class EngineTransactionTests
{
    [Fact]
    public void Requests_in_one_transaction_commit_together_and_run_their_async_steps_after_the_commit()
    {
        var asyncRuns = 0;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => asyncRuns++, mode: StepMode.Asynchronous))
            .Build();

        using (var transaction = dataverse.BeginTransaction())
        {
            transaction.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "A" } });
            transaction.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "B" } });
            Assert.Empty(dataverse.Snapshot().Tables["account"]);
            Assert.Equal(0, asyncRuns);
            transaction.Commit();
        }

        Assert.Equal(2, dataverse.Snapshot().Tables["account"].Count);
        Assert.Equal(2, asyncRuns);
    }

    [Fact]
    public void A_transaction_disposed_without_commit_leaves_nothing_and_a_failed_request_dooms_the_commit()
    {
        using var dataverse = TestDataverse.Build();

        using (var transaction = dataverse.BeginTransaction())
        {
            transaction.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "dropped" } });
        }

        using (var doomed = dataverse.BeginTransaction())
        {
            doomed.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "lost too" } });
            Assert.ThrowsAny<Exception>(() => doomed.Execute(new CreateRequest { Target = new Entity("account") { ["nosuchcolumn"] = 1 } }));
            var fault = Assert.Throws<DataverseFaultException>(doomed.Commit);
            Assert.Equal(ErrorCodes.NoActiveTransaction, fault.ErrorCode);
        }

        Assert.Empty(dataverse.Snapshot().Tables["account"]);
        dataverse.Service.Create(new Entity("account") { ["name"] = "the lock was released" });
    }
}
