using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Metadata;

public sealed class AlternateKeyTests
{
    [Fact]
    public void A_second_record_with_the_same_key_value_is_a_duplicate_even_in_another_case()
    {
        using var dataverse = TestDataverse.Build();
        dataverse.Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "ACC-1" });

        var fault = Assertions.Fault(ErrorCodes.DuplicateRecord, () => dataverse.Service.Create(new Entity("account") { ["name"] = "B", ["accountnumber"] = "acc-1" }));
        Assert.Contains("ak_accountnumber", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_that_would_take_another_records_key_is_a_duplicate()
    {
        using var dataverse = TestDataverse.Build();
        dataverse.Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "ACC-1" });
        var second = dataverse.Service.Create(new Entity("account") { ["name"] = "B", ["accountnumber"] = "ACC-2" });

        Assertions.Fault(ErrorCodes.DuplicateRecord, () => dataverse.Service.Update(new Entity("account", second) { ["accountnumber"] = "ACC-1" }));

        // A key freed by an update can be taken again.
        dataverse.Service.Update(new Entity("account", second) { ["accountnumber"] = "ACC-3" });
        dataverse.Service.Create(new Entity("account") { ["name"] = "C", ["accountnumber"] = "ACC-2" });
    }

    [Fact]
    public void Records_without_a_key_value_do_not_collide()
    {
        using var dataverse = TestDataverse.Build();
        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });
        dataverse.Service.Create(new Entity("account") { ["name"] = "B" });
    }

    [Fact]
    public void Retrieve_update_and_delete_resolve_the_record_by_key_attributes()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "ACC-1" });

        var retrieved = (RetrieveResponse)dataverse.Service.Execute(new RetrieveRequest { Target = new EntityReference("account", "accountnumber", "ACC-1"), ColumnSet = new ColumnSet("name") });
        Assert.Equal(id, retrieved.Entity.Id);

        dataverse.Service.Update(new Entity("account", "accountnumber", "ACC-1") { ["name"] = "by key" });
        Assert.Equal("by key", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);

        dataverse.Service.Execute(new DeleteRequest { Target = new EntityReference("account", "accountnumber", "ACC-1") });
        Assert.Empty(dataverse.Service.RetrieveMultiple(new QueryExpression("account")).Entities);
    }

    [Fact]
    public void A_key_that_matches_no_record_is_object_does_not_exist()
    {
        using var dataverse = TestDataverse.Build();

        var fault = Assertions.Fault(ErrorCodes.ObjectDoesNotExist, () => dataverse.Service.Update(new Entity("account", "accountnumber", "NOPE") { ["name"] = "x" }));
        Assert.Contains("NOPE", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_attributes_that_form_no_declared_key_are_refused()
    {
        using var dataverse = TestDataverse.Build();

        var fault = Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Update(new Entity("account", "name", "A") { ["name"] = "x" }));
        Assert.Contains("no alternate key", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Upsert_by_key_creates_the_record_and_copies_the_key_values_into_its_columns()
    {
        using var dataverse = TestDataverse.Build();

        var response = (UpsertResponse)dataverse.Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "ACC-9") { ["name"] = "New" } });

        Assert.True(response.RecordCreated);
        Assert.Equal("account", response.Target.LogicalName);
        var read = dataverse.Service.Retrieve("account", response.Target.Id, new ColumnSet(true));
        Assert.Equal("ACC-9", read["accountnumber"]);
        Assert.Equal("New", read["name"]);
    }

    [Fact]
    public void Upsert_by_key_updates_the_existing_record()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Old", ["accountnumber"] = "ACC-9", ["numberofemployees"] = 5 });

        var response = (UpsertResponse)dataverse.Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "ACC-9") { ["name"] = "New" } });

        Assert.False(response.RecordCreated);
        Assert.Equal(id, response.Target.Id);
        var read = dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        Assert.Equal("New", read["name"]);
        Assert.Equal(5, read["numberofemployees"]);
    }

    [Fact]
    public void Upsert_by_id_creates_with_that_id_when_missing()
    {
        using var dataverse = TestDataverse.Build();
        var id = Guid.NewGuid();

        var response = (UpsertResponse)dataverse.Service.Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "New" } });

        Assert.True(response.RecordCreated);
        Assert.Equal(id, response.Target.Id);
    }

    [Fact]
    public void A_lookup_given_by_alternate_key_is_stored_by_id()
    {
        using var dataverse = TestDataverse.Build();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "ACC-1" });

        var contact = dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Smith", ["parentcustomerid"] = new EntityReference("account", "accountnumber", "ACC-1") });

        Assert.Equal(account, dataverse.Service.Retrieve("contact", contact, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }
}
