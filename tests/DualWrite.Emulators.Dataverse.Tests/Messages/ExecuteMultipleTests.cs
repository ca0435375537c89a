using System.Linq;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Messages;

public sealed class ExecuteMultipleTests
{
    [Fact]
    public void Without_continue_on_error_it_stops_at_the_first_fault_and_keeps_earlier_items()
    {
        using var dataverse = TestDataverse.Build();

        var response = (ExecuteMultipleResponse)dataverse.Service.Execute(Batch(continueOnError: false, returnResponses: true));

        Assert.True(response.IsFaulted);
        Assert.Equal([0, 1], response.Responses.Select(r => r.RequestIndex));
        Assert.NotNull(response.Responses[0].Response);
        Assert.Equal(ErrorCodes.InvalidArgument, response.Responses[1].Fault.ErrorCode);
        Assert.Equal(["first"], Names(dataverse));
    }

    [Fact]
    public void With_continue_on_error_every_item_runs_and_each_fault_is_reported_with_its_index()
    {
        using var dataverse = TestDataverse.Build();

        var response = (ExecuteMultipleResponse)dataverse.Service.Execute(Batch(continueOnError: true, returnResponses: true));

        Assert.True(response.IsFaulted);
        Assert.Equal([0, 1, 2, 3], response.Responses.Select(r => r.RequestIndex));
        Assert.Null(response.Responses[1].Response);
        Assert.NotNull(response.Responses[1].Fault);
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, response.Responses[3].Fault.ErrorCode);
        Assert.Equal(((CreateResponse)response.Responses[2].Response).id, dataverse.Service.RetrieveMultiple(new QueryExpression("account") { Criteria = { Conditions = { new ConditionExpression("name", ConditionOperator.Equal, "third") } } }).Entities.Single().Id);
        Assert.Equal(["first", "third"], Names(dataverse));
    }

    [Fact]
    public void Without_return_responses_only_faults_are_listed()
    {
        using var dataverse = TestDataverse.Build();

        var response = (ExecuteMultipleResponse)dataverse.Service.Execute(Batch(continueOnError: true, returnResponses: false));

        Assert.Equal([1, 3], response.Responses.Select(r => r.RequestIndex));
    }

    [Fact]
    public void A_batch_without_faults_is_not_faulted()
    {
        using var dataverse = TestDataverse.Build();
        var request = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true } };
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "only" } });

        var response = (ExecuteMultipleResponse)dataverse.Service.Execute(request);

        Assert.False(response.IsFaulted);
        Assert.Single(response.Responses);
    }

    [Fact]
    public void A_plugin_failure_in_an_item_is_its_fault_with_the_plugin_message_and_other_items_commit()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, s =>
            {
                if ((string)s.Target["name"] == "second")
                {
                    throw new InvalidPluginExecutionException("second is refused");
                }
            }))
            .Build();
        var request = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings { ContinueOnError = true } };
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "first" } });
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "second" } });
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "third" } });

        var response = (ExecuteMultipleResponse)dataverse.Service.Execute(request);

        var fault = Assert.Single(response.Responses);
        Assert.Equal(1, fault.RequestIndex);
        Assert.Equal("second is refused", fault.Fault.Message);
        Assert.Equal(ErrorCodes.IsvAborted, fault.Fault.ErrorCode);
        Assert.Equal(["first", "third"], Names(dataverse));
    }

    private static ExecuteMultipleRequest Batch(bool continueOnError, bool returnResponses)
    {
        var request = new ExecuteMultipleRequest
        {
            Requests = new OrganizationRequestCollection(),
            Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses },
        };
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "first" } });
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "second", ["creditlimit"] = "not money" } });
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "third" } });
        request.Requests.Add(new DeleteRequest { Target = new EntityReference("account", System.Guid.NewGuid()) });
        return request;
    }

    private static string[] Names(InMemoryDataverse dataverse)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("name", OrderType.Ascending);
        return dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();
    }
}
