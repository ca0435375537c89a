using System;
using System.IO;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.XrmSdk.Tests;

/// <summary>The data-contract attributes are there so payloads serialize as the platform's do;
/// these tests make sure the shapes actually round-trip through DataContractSerializer.</summary>
public class DataContractRoundTripTests
{
    [Fact]
    public void An_entity_with_attributes_and_keys_round_trips()
    {
        var id = Guid.NewGuid();
        var entity = new Entity("account", id) { ["name"] = "Contoso", ["revenue"] = new Money(5m), RowVersion = "9" };
        entity.KeyAttributes["accountnumber"] = "A-1";

        var copy = RoundTrip(entity, typeof(Money));

        Assert.Equal("account", copy.LogicalName);
        Assert.Equal(id, copy.Id);
        Assert.Equal("Contoso", copy["name"]);
        Assert.Equal(new Money(5m), copy["revenue"]);
        Assert.Equal("A-1", copy.KeyAttributes["accountnumber"]);
        Assert.Equal("9", copy.RowVersion);
    }

    [Fact]
    public void A_query_expression_round_trips()
    {
        var query = new QueryExpression("account") { TopCount = 5 };
        query.ColumnSet.AddColumn("name");
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        query.AddOrder("name", OrderType.Ascending);

        var copy = RoundTrip<QueryBase>(query);

        var typed = Assert.IsType<QueryExpression>(copy);
        Assert.Equal("account", typed.EntityName);
        Assert.Equal(5, typed.TopCount);
        Assert.Equal(new[] { "name" }, typed.ColumnSet.Columns);
        Assert.Equal(0, Assert.Single(typed.Criteria.Conditions).Values[0]);
        Assert.Equal("name", Assert.Single(typed.Orders).AttributeName);
    }

    [Fact]
    public void A_remote_execution_context_round_trips()
    {
        var context = new RemoteExecutionContext { MessageName = "Update", Stage = 40, Depth = 1 };
        context.InputParameters["Target"] = new Entity("account", Guid.NewGuid());
        context.SharedVariables["tag"] = "DualWrite";

        var copy = RoundTrip(context, typeof(Entity));

        Assert.Equal("Update", copy.MessageName);
        Assert.Equal(40, copy.Stage);
        Assert.IsType<Entity>(copy.InputParameters["Target"]);
        Assert.Equal("DualWrite", copy.SharedVariables["tag"]);
    }

    [Fact]
    public void An_ExecuteTransactionFault_round_trips_as_a_BaseServiceFault_with_its_request_index()
    {
        var fault = new ExecuteTransactionFault
        {
            ErrorCode = unchecked((int)0x80040265),
            Message = "Blocked by plug-in",
            FaultedRequestIndex = 1,
            InnerFault = new OrganizationServiceFault { ErrorCode = 1 },
        };

        var copy = Assert.IsType<ExecuteTransactionFault>(RoundTrip<BaseServiceFault>(fault));

        Assert.Equal(1, copy.FaultedRequestIndex);
        Assert.Equal("Blocked by plug-in", copy.Message);
        Assert.Equal(1, copy.InnerFault.ErrorCode);
    }

    private static T RoundTrip<T>(T value, params Type[] knownTypes)
    {
        var serializer = new DataContractSerializer(typeof(T), knownTypes);
        using var stream = new MemoryStream();
        serializer.WriteObject(stream, value);
        stream.Position = 0;
        return (T)serializer.ReadObject(stream)!;
    }
}
