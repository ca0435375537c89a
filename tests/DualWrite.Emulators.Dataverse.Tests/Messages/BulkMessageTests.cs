using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Messages;

public sealed class BulkMessageTests
{
    [Fact]
    public void Create_multiple_returns_ids_in_order_and_fires_create_steps_per_record()
    {
        var created = new List<string>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s => created.Add((string)s.Target["name"])))
            .Build();
        var targets = new EntityCollection { EntityName = "account" };
        targets.Entities.Add(new Entity("account") { ["name"] = "one" });
        targets.Entities.Add(new Entity("account") { ["name"] = "two" });

        var response = (CreateMultipleResponse)dataverse.Service.Execute(new CreateMultipleRequest { Targets = targets });

        Assert.Equal(2, response.Ids.Length);
        Assert.Equal("two", dataverse.Service.Retrieve("account", response.Ids[1], new ColumnSet("name"))["name"]);
        Assert.Equal(["one", "two"], created);
    }

    [Fact]
    public void Create_multiple_is_all_or_nothing()
    {
        using var dataverse = TestDataverse.Build();
        var targets = new EntityCollection { EntityName = "account" };
        targets.Entities.Add(new Entity("account") { ["name"] = "one", ["accountnumber"] = "SAME" });
        targets.Entities.Add(new Entity("account") { ["name"] = "two", ["accountnumber"] = "SAME" });

        Assertions.Fault(ErrorCodes.DuplicateRecord, () => dataverse.Service.Execute(new CreateMultipleRequest { Targets = targets }));

        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void Update_multiple_updates_every_target()
    {
        using var dataverse = TestDataverse.Build();
        var a = dataverse.Service.Create(new Entity("account") { ["name"] = "a" });
        var b = dataverse.Service.Create(new Entity("account") { ["name"] = "b" });
        var targets = new EntityCollection { EntityName = "account" };
        targets.Entities.Add(new Entity("account", a) { ["numberofemployees"] = 1 });
        targets.Entities.Add(new Entity("account", b) { ["numberofemployees"] = 2 });

        dataverse.Service.Execute(new UpdateMultipleRequest { Targets = targets });

        Assert.Equal(2, dataverse.Service.Retrieve("account", b, new ColumnSet("numberofemployees"))["numberofemployees"]);
        Assert.Equal("a", dataverse.Service.Retrieve("account", a, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void Upsert_multiple_reports_per_target_whether_it_created()
    {
        using var dataverse = TestDataverse.Build();
        dataverse.Service.Create(new Entity("account") { ["name"] = "old", ["accountnumber"] = "K1" });
        var targets = new EntityCollection { EntityName = "account" };
        targets.Entities.Add(new Entity("account", "accountnumber", "K1") { ["name"] = "updated" });
        targets.Entities.Add(new Entity("account", "accountnumber", "K2") { ["name"] = "created" });

        var response = (UpsertMultipleResponse)dataverse.Service.Execute(new UpsertMultipleRequest { Targets = targets });

        Assert.Equal([false, true], response.Results.Select(r => r.RecordCreated));
        Assert.Equal("updated", dataverse.Service.Retrieve("account", response.Results[0].Target.Id, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void An_unsupported_request_fails_with_a_message_naming_it()
    {
        using var dataverse = TestDataverse.Build();

        var fault = Assertions.Fault(ErrorCodes.Unspecified, () => dataverse.Service.Execute(new OrganizationRequest("WhoAmI")));

        Assert.Contains("'WhoAmI'", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retrieve_multiple_by_request_returns_the_entity_collection()
    {
        using var dataverse = TestDataverse.Build();
        dataverse.Service.Create(new Entity("account") { ["name"] = "a" });

        var response = (RetrieveMultipleResponse)dataverse.Service.Execute(new RetrieveMultipleRequest { Query = new QueryExpression("account") { ColumnSet = new ColumnSet(true) } });

        Assert.Equal("a", response.EntityCollection.Entities.Single()["name"]);
        Assert.Equal("account", response.EntityCollection.EntityName);
    }
}
