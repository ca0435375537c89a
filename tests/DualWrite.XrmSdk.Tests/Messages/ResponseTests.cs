using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.XrmSdk.Tests.Messages;

/// <summary>Pins that typed response properties are read-only views over Results.</summary>
public class ResponseTests
{
    [Fact]
    public void Typed_properties_read_default_when_the_result_is_absent()
    {
        Assert.Equal(Guid.Empty, new CreateResponse().id);
        Assert.False(new UpsertResponse().RecordCreated);
        Assert.Null(new UpsertResponse().Target);
        Assert.Null(new RetrieveResponse().Entity);
        Assert.Null(new RetrieveMultipleResponse().EntityCollection);
        Assert.Null(new CreateMultipleResponse().Ids);
        Assert.Null(new UpsertMultipleResponse().Results);
        Assert.False(new ExecuteMultipleResponse().IsFaulted);
    }

    [Fact]
    public void Typed_properties_read_Results_under_their_own_name()
    {
        var id = Guid.NewGuid();
        var reference = new EntityReference("account", id);
        var create = new CreateResponse();
        create.Results["id"] = id;
        var upsert = new UpsertResponse();
        upsert.Results["RecordCreated"] = true;
        upsert["Target"] = reference;
        var retrieve = new RetrieveResponse();
        retrieve.Results["Entity"] = new Entity("account", id);
        var multiple = new RetrieveMultipleResponse();
        multiple.Results["EntityCollection"] = new EntityCollection();
        var createMultiple = new CreateMultipleResponse();
        createMultiple.Results["Ids"] = new[] { id };
        var execute = new ExecuteMultipleResponse();
        execute.Results["IsFaulted"] = true;
        execute.Results["Responses"] = new ExecuteMultipleResponseItemCollection
        {
            new ExecuteMultipleResponseItem { RequestIndex = 0, Fault = new OrganizationServiceFault { ErrorCode = -1 } },
        };

        Assert.Equal(id, create.id);
        Assert.True(upsert.RecordCreated);
        Assert.Same(reference, upsert.Target);
        Assert.Equal(id, retrieve.Entity.Id);
        Assert.NotNull(multiple.EntityCollection);
        Assert.Equal(new[] { id }, createMultiple.Ids);
        Assert.True(execute.IsFaulted);
        Assert.Equal(-1, Assert.Single(execute.Responses).Fault.ErrorCode);
    }

    [Fact]
    public void UpsertMultipleResponse_Results_hides_the_parameter_collection_with_typed_responses()
    {
        var response = new UpsertMultipleResponse();
        var items = new[] { new UpsertResponse() };
        ((OrganizationResponse)response).Results["Results"] = items;

        Assert.Same(items, response.Results);
    }

    [Fact]
    public void ExecuteTransactionResponse_Responses_reads_Results_in_request_order()
    {
        var id = Guid.NewGuid();
        var create = new CreateResponse();
        create.Results["id"] = id;
        var update = new UpdateResponse();
        var response = new ExecuteTransactionResponse();
        response.Results["Responses"] = new OrganizationResponseCollection { create, update };

        Assert.Null(new ExecuteTransactionResponse().Responses);
        Assert.Equal(2, response.Responses.Count);
        Assert.Equal(id, Assert.IsType<CreateResponse>(response.Responses[0]).id);
        Assert.Same(update, response.Responses[1]);
    }

    [Fact]
    public void Results_are_created_lazily()
    {
        var response = new OrganizationResponse();

        Assert.NotNull(response.Results);
        Assert.Same(response.Results, response.Results);
    }
}
