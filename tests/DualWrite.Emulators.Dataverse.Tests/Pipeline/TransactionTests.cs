using System;
using System.Linq;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.SystemJobs;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Pipeline;

public sealed class TransactionTests
{
    [Theory]
    [InlineData(PipelineStage.PreOperation)]
    [InlineData(PipelineStage.PostOperation)]
    public void A_synchronous_failure_leaves_the_whole_store_as_it_was_including_the_plugins_nested_writes(PipelineStage failingStage)
    {
        var existing = Guid.NewGuid();
        using var dataverse = TestDataverse.Builder()
            .AddRecord(new Entity("account", existing) { ["name"] = "Existing", ["accountnumber"] = "ACC-0" })
            .AddRecord(new Entity("contact") { ["lastname"] = "Seeded" })
            // An earlier step writes through the plug-in service: a create, an update and a delete.
            .AddStep(TestDataverse.Step("Update", "account", PipelineStage.PreOperation, scope =>
            {
                if (scope.Context.Depth > 1)
                {
                    return; // the plug-in's own update of the account comes back through this step
                }

                scope.Service.Create(new Entity("contact") { ["lastname"] = "Nested" });
                scope.Service.Update(new Entity("account", existing) { ["description"] = "touched by plug-in" });
                var seeded = scope.Service.RetrieveMultiple(new QueryExpression("contact") { Criteria = { Conditions = { new ConditionExpression("lastname", ConditionOperator.Equal, "Seeded") } } });
                scope.Service.Delete("contact", seeded.Entities.Single().Id);
            }, rank: 1))
            .AddStep(TestDataverse.Step("Update", "account", failingStage, scope =>
            {
                if (scope.Context.Depth > 1)
                {
                    return;
                }

                scope.Service.Create(new Entity("contact") { ["lastname"] = "Nested at failing stage" });
                throw new InvalidPluginExecutionException("F&O refused the change");
            }, rank: 2))
            .Build();
        var before = dataverse.Snapshot();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Update(new Entity("account", existing) { ["name"] = "Changed" }));

        Assert.Equal("F&O refused the change", error.Message);
        Assert.Equal(before.Text, dataverse.Snapshot().Text);
        Assert.Equal(2, before.RecordCount);
    }

    [Fact]
    public void A_failure_in_a_nested_pipeline_rolls_back_the_outer_operation_too()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, scope =>
                scope.Service.Create(new Entity("contact") { ["lastname"] = "Child", ["parentcustomerid"] = new EntityReference("account", scope.Context.PrimaryEntityId) })))
            .AddStep(TestDataverse.Step("Create", "contact", PipelineStage.PostOperation, _ => throw new InvalidPluginExecutionException("contact refused")))
            .Build();
        var before = dataverse.Snapshot();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Equal("contact refused", error.Message);
        Assert.Equal(before.Text, dataverse.Snapshot().Text);
    }

    [Fact]
    public void A_prevalidation_failure_stops_before_anything_is_written()
    {
        var preOperationRan = false;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreValidation, _ => throw new InvalidPluginExecutionException("invalid")))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, _ => preOperationRan = true))
            .Build();

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.False(preOperationRan);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void A_store_error_in_the_main_operation_rolls_back_preoperation_writes()
    {
        using var dataverse = TestDataverse.Builder()
            .AddRecord(new Entity("account") { ["name"] = "Holder", ["accountnumber"] = "TAKEN" })
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, scope => scope.Service.Create(new Entity("contact") { ["lastname"] = "Nested" })))
            .Build();
        var before = dataverse.Snapshot();

        Assertions.Fault(ErrorCodes.DuplicateRecord, () => dataverse.Service.Create(new Entity("account") { ["name"] = "Dup", ["accountnumber"] = "TAKEN" }));

        Assert.Equal(before.Text, dataverse.Snapshot().Text);
    }

    [Fact]
    public void Writes_of_a_successful_request_commit_together_with_the_plugins_nested_writes()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, scope => scope.Service.Create(new Entity("contact") { ["lastname"] = "Nested" })))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(2, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void An_async_step_runs_after_commit_and_its_failure_is_a_failed_system_job_while_the_operation_stands()
    {
        var sawCommitted = false;
        InMemoryDataverse? engine = null;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, scope =>
            {
                // Outside the transaction: an outer reader sees the record already committed.
                sawCommitted = engine!.Service.RetrieveMultiple(new QueryExpression("account")).Entities.Count == 1;
                Assert.False(scope.Context.IsInTransaction);
                Assert.Equal(1, scope.Context.Mode);
                throw new InvalidPluginExecutionException("async boom");
            }, mode: StepMode.Asynchronous, name: "AsyncFailer"))
            .Build();
        engine = dataverse;

        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.True(sawCommitted);
        Assert.Equal("A", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
        var job = Assert.Single(dataverse.SystemJobs);
        Assert.Equal(SystemJobStatus.Failed, job.Status);
        Assert.Equal("async boom", job.Message);
        Assert.Equal("AsyncFailer", job.StepName);
        Assert.Equal(id, job.PrimaryEntityId);
    }

    [Fact]
    public void A_successful_async_step_is_a_succeeded_system_job_and_its_writes_commit_on_their_own()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, scope => scope.Service.Create(new Entity("contact") { ["lastname"] = "From async" }), mode: StepMode.Asynchronous))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(SystemJobStatus.Succeeded, Assert.Single(dataverse.SystemJobs).Status);
        Assert.Single(dataverse.Service.RetrieveMultiple(new QueryExpression("contact")).Entities);
    }

    [Fact]
    public void Async_steps_of_a_rolled_back_operation_never_run()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => { }, mode: StepMode.Asynchronous))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => throw new InvalidPluginExecutionException("no")))
            .Build();

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Empty(dataverse.SystemJobs);
    }

    [Fact]
    public void The_plugins_invalid_plugin_execution_exception_reaches_the_caller_unwrapped()
    {
        var thrown = new InvalidPluginExecutionException(OperationStatus.Failed, 42, "exact message");
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, _ => throw thrown))
            .Build();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Same(thrown, error);
        Assert.Equal("exact message", error.Message);
    }

    [Fact]
    public void Any_other_plugin_exception_becomes_a_fault_naming_the_plugin_type_and_the_original_message()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(StepRegistration.For<ThrowsNullReferencePlugin>("Create", "account", PipelineStage.PreOperation))
            .Build();

        var fault = Assertions.Fault(ErrorCodes.UnexpectedPluginException, () => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Contains(typeof(ThrowsNullReferencePlugin).FullName!, fault.Message, StringComparison.Ordinal);
        Assert.Contains("the original message", fault.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(fault.InnerException);
    }

    [Fact]
    public void A_plugin_that_catches_a_failed_nested_request_and_carries_on_loses_the_transaction_as_on_the_platform()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, scope =>
            {
                scope.Service.Create(new Entity("contact") { ["lastname"] = "Written before the failure" });
                try
                {
                    scope.Service.Create(new Entity("contact") { ["firstname"] = "no last name" });
                }
                catch (DataverseFaultException)
                {
                    scope.Tracing.Trace("nested create refused");
                }
            }))
            .Build();

        var fault = Assertions.Fault(ErrorCodes.NoActiveTransaction, () => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Contains("lastname", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
        Assert.Contains(dataverse.Traces, t => t.Text == "nested create refused");
    }

    [Fact]
    public void After_a_caught_nested_failure_further_requests_in_the_transaction_fail()
    {
        DataverseFaultException? second = null;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, scope =>
            {
                try
                {
                    scope.Service.Retrieve("contact", Guid.NewGuid(), new ColumnSet(true));
                }
                catch (DataverseFaultException)
                {
                }

                second = Assert.Throws<DataverseFaultException>(() => scope.Service.Create(new Entity("contact") { ["lastname"] = "x" }));
            }))
            .Build();

        Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Equal(ErrorCodes.NoActiveTransaction, second!.ErrorCode);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void A_plugin_may_catch_failures_of_requests_made_outside_a_transaction()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreValidation, scope =>
            {
                try
                {
                    scope.Service.Create(new Entity("contact") { ["firstname"] = "no last name" });
                }
                catch (DataverseFaultException)
                {
                }
            }))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(1, dataverse.Snapshot().RecordCount);
    }

    private sealed class ThrowsNullReferencePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) => throw new InvalidOperationException("the original message");
    }
}
