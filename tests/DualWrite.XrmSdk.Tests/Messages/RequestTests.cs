using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.XrmSdk.Tests.Messages;

/// <summary>Pins request names and that typed properties are views over Parameters.</summary>
public class RequestTests
{
    public static TheoryData<OrganizationRequest, string> Requests => new()
    {
        { new CreateRequest(), "Create" },
        { new UpdateRequest(), "Update" },
        { new DeleteRequest(), "Delete" },
        { new UpsertRequest(), "Upsert" },
        { new RetrieveRequest(), "Retrieve" },
        { new RetrieveMultipleRequest(), "RetrieveMultiple" },
        { new ExecuteMultipleRequest(), "ExecuteMultiple" },
        { new ExecuteTransactionRequest(), "ExecuteTransaction" },
        { new CreateMultipleRequest(), "CreateMultiple" },
        { new UpdateMultipleRequest(), "UpdateMultiple" },
        { new UpsertMultipleRequest(), "UpsertMultiple" },
        { new AssociateRequest(), "Associate" },
        { new DisassociateRequest(), "Disassociate" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Each_request_constructor_sets_its_RequestName(OrganizationRequest request, string expectedName)
    {
        Assert.Equal(expectedName, request.RequestName);
        Assert.Empty(request.Parameters);
    }

    [Fact]
    public void Typed_properties_read_default_when_the_parameter_is_absent()
    {
        var update = new UpdateRequest();

        Assert.Null(update.Target);
        Assert.Equal(ConcurrencyBehavior.Default, update.ConcurrencyBehavior);
        Assert.Null(new RetrieveRequest().ColumnSet);
        Assert.Null(new ExecuteMultipleRequest().Settings);
    }

    [Fact]
    public void Typed_properties_write_to_Parameters_under_their_own_name()
    {
        var target = new Entity("account");
        var update = new UpdateRequest { Target = target, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };

        Assert.Same(target, update.Parameters["Target"]);
        Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches, update.Parameters["ConcurrencyBehavior"]);
    }

    [Fact]
    public void Typed_properties_read_what_was_put_in_Parameters()
    {
        var reference = new EntityReference("account", Guid.NewGuid());
        var columns = new ColumnSet("name");
        var query = new QueryExpression("account");
        var relationship = new Relationship("account_contacts");
        var related = new EntityReferenceCollection();
        var targets = new EntityCollection();

        var retrieve = new RetrieveRequest();
        retrieve.Parameters["Target"] = reference;
        retrieve["ColumnSet"] = columns;
        var retrieveMultiple = new RetrieveMultipleRequest();
        retrieveMultiple.Parameters["Query"] = query;
        var associate = new AssociateRequest();
        associate.Parameters["Target"] = reference;
        associate.Parameters["Relationship"] = relationship;
        associate.Parameters["RelatedEntities"] = related;
        var createMultiple = new CreateMultipleRequest();
        createMultiple.Parameters["Targets"] = targets;

        Assert.Same(reference, retrieve.Target);
        Assert.Same(columns, retrieve.ColumnSet);
        Assert.Same(query, retrieveMultiple.Query);
        Assert.Same(reference, associate.Target);
        Assert.Same(relationship, associate.Relationship);
        Assert.Same(related, associate.RelatedEntities);
        Assert.Same(targets, createMultiple.Targets);
    }

    [Fact]
    public void ExecuteMultipleRequest_carries_requests_and_settings()
    {
        var request = new ExecuteMultipleRequest
        {
            Requests = new OrganizationRequestCollection { new CreateRequest() },
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        };

        Assert.Single(request.Requests);
        Assert.True(request.Settings.ContinueOnError);
        Assert.Same(request.Requests, request.Parameters["Requests"]);
    }

    [Fact]
    public void ExecuteTransactionRequest_carries_requests_and_ReturnResponses_in_Parameters()
    {
        var request = new ExecuteTransactionRequest
        {
            Requests = new OrganizationRequestCollection { new CreateRequest(), new UpdateRequest() },
            ReturnResponses = true,
        };

        Assert.Equal(2, request.Requests.Count);
        Assert.True(request.ReturnResponses);
        Assert.Same(request.Requests, request.Parameters["Requests"]);
        Assert.Equal(true, request.Parameters["ReturnResponses"]);
    }

    [Fact]
    public void ExecuteTransactionRequest_ReturnResponses_is_null_until_set()
    {
        var request = new ExecuteTransactionRequest();

        Assert.Null(request.ReturnResponses);
        Assert.Null(request.Requests);

        request.Parameters["ReturnResponses"] = false;

        Assert.False(request.ReturnResponses);
    }

    [Fact]
    public void A_generic_request_is_named_by_its_constructor_and_has_lazy_parameters()
    {
        var request = new OrganizationRequest("dw_Custom") { ["tag"] = "DualWrite" };

        Assert.Equal("dw_Custom", request.RequestName);
        Assert.Equal("DualWrite", request.Parameters["tag"]);
        Assert.Null(new OrganizationRequest().RequestName);
        Assert.NotNull(new OrganizationRequest().Parameters);
    }
}
