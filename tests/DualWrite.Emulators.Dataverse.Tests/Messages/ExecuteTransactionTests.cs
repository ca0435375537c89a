using System;
using System.Linq;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Messages;

public sealed class ExecuteTransactionTests
{
    [Fact]
    public void When_every_request_succeeds_all_commit_and_the_responses_come_back_in_order()
    {
        var asyncRuns = 0;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => asyncRuns++, mode: StepMode.Asynchronous))
            .Build();

        var response = (ExecuteTransactionResponse)dataverse.Service.Execute(Transaction(returnResponses: true, Create("first"), Create("second")));

        Assert.Equal(2, response.Responses.Count);
        var ids = response.Responses.Select(r => Assert.IsType<CreateResponse>(r).id).ToArray();
        Assert.Equal(ids, dataverse.Snapshot().Tables["account"].Select(e => e.Id));
        Assert.Equal(["first", "second"], Names(dataverse));
        Assert.Equal(2, asyncRuns);
        Assert.Equal(2, dataverse.SystemJobs.Count);
    }

    [Fact]
    public void Without_ReturnResponses_the_requests_commit_and_the_response_collection_is_empty()
    {
        using var dataverse = TestDataverse.Build();

        var response = (ExecuteTransactionResponse)dataverse.Service.Execute(Transaction(returnResponses: false, Create("first"), Create("second")));

        Assert.NotNull(response.Responses);
        Assert.Empty(response.Responses);
        Assert.Equal(["first", "second"], Names(dataverse));
    }

    [Fact]
    public void A_fault_in_the_second_request_rolls_back_the_first_and_names_index_one()
    {
        using var dataverse = TestDataverse.Build();
        dataverse.Service.Create(new Entity("account") { ["name"] = "already there" });
        var before = dataverse.Snapshot();
        var invalid = new CreateRequest { Target = new Entity("account") { ["name"] = "second", ["creditlimit"] = "not money" } };

        var thrown = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(Transaction(returnResponses: true, Create("first"), invalid, Create("third"))));

        var fault = Assert.IsType<ExecuteTransactionFault>(thrown.Fault);
        Assert.Equal(1, fault.FaultedRequestIndex);
        Assert.Equal(ErrorCodes.InvalidArgument, fault.ErrorCode);
        Assert.Equal(before.Text, dataverse.Snapshot().Text);
        dataverse.Service.Create(new Entity("account") { ["name"] = "the lock was released" });
    }

    [Fact]
    public void A_plugin_that_throws_on_the_second_requests_PostOperation_rolls_back_every_write_including_nested_ones()
    {
        var asyncRuns = 0;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                // Every account gets a contact from plug-in code: a nested write that joins the transaction.
                s.Service.Create(new Entity("contact") { ["lastname"] = $"of {s.Target["name"]}", ["parentcustomerid"] = new EntityReference("account", s.Context.PrimaryEntityId) });
            }, rank: 1))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                if ((string)s.Target["name"] == "second")
                {
                    throw new InvalidPluginExecutionException("second is refused by F&O");
                }
            }, rank: 2))
            .AddStep(TestDataverse.Step("Create", "contact", PipelineStage.PostOperation, _ => asyncRuns++, mode: StepMode.Asynchronous))
            .Build();
        var before = dataverse.Snapshot();

        var thrown = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(Transaction(returnResponses: true, Create("first"), Create("second"))));

        var fault = Assert.IsType<ExecuteTransactionFault>(thrown.Fault);
        Assert.Equal(1, fault.FaultedRequestIndex);
        Assert.Equal(ErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Equal("second is refused by F&O", fault.Message);
        Assert.Equal(before.Text, dataverse.Snapshot().Text);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
        Assert.Equal(0, asyncRuns);
        Assert.Empty(dataverse.SystemJobs);
    }

    [Fact]
    public void The_first_request_faulting_is_index_zero_and_nothing_after_it_runs()
    {
        var creates = 0;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, _ => creates++))
            .Build();
        var missing = new DeleteRequest { Target = new EntityReference("account", Guid.NewGuid()) };

        var thrown = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(Transaction(returnResponses: false, missing, Create("never"))));

        Assert.Equal(0, Assert.IsType<ExecuteTransactionFault>(thrown.Fault).FaultedRequestIndex);
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, thrown.ErrorCode);
        Assert.Equal(0, creates);
    }

    [Theory]
    [InlineData("ExecuteTransaction")]
    [InlineData("ExecuteMultiple")]
    public void A_nested_batch_request_is_refused_before_anything_runs(string nested)
    {
        using var dataverse = TestDataverse.Build();
        OrganizationRequest inner = nested == "ExecuteMultiple"
            ? new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings() }
            : Transaction(returnResponses: false, Create("inner"));

        var thrown = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(Transaction(returnResponses: false, Create("first"), inner)));

        var fault = Assert.IsType<ExecuteTransactionFault>(thrown.Fault);
        Assert.Equal(1, fault.FaultedRequestIndex);
        Assert.Equal(ErrorCodes.InvalidArgument, fault.ErrorCode);
        Assert.Contains(nested, fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void More_than_a_thousand_requests_are_refused()
    {
        using var dataverse = TestDataverse.Build();
        var request = Transaction(returnResponses: false, Enumerable.Range(0, 1001).Select(i => Create($"a{i}")).ToArray());

        var fault = Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Execute(request));

        Assert.Contains("1000", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void A_synchronous_plugin_cannot_start_an_ExecuteTransaction_inside_its_open_transaction()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
                s.Service.Execute(Transaction(returnResponses: false, new CreateRequest { Target = new Entity("contact") { ["lastname"] = "nested" } }))))
            .Build();

        var fault = Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Create(new Entity("account") { ["name"] = "outer" }));

        Assert.Contains("already open", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }

    private static ExecuteTransactionRequest Transaction(bool returnResponses, params OrganizationRequest[] requests)
    {
        var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection(), ReturnResponses = returnResponses };
        request.Requests.AddRange(requests);
        return request;
    }

    private static CreateRequest Create(string name) => new() { Target = new Entity("account") { ["name"] = name } };

    private static string[] Names(InMemoryDataverse dataverse)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("name", OrderType.Ascending);
        return dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();
    }
}
