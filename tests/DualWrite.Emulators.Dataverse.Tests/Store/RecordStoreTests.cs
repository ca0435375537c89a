using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Store;

public sealed class RecordStoreTests
{
    [Fact]
    public void Create_then_retrieve_returns_the_requested_columns_and_the_id()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso", ["creditlimit"] = new Money(10m) });

        var read = dataverse.Service.Retrieve("account", id, new ColumnSet("name"));

        Assert.Equal(id, read.Id);
        Assert.Equal("Contoso", read.GetAttributeValue<string>("name"));
        Assert.False(read.Contains("creditlimit"));
        Assert.Equal(id, read.GetAttributeValue<Guid>("accountid"));
    }

    [Fact]
    public void Create_keeps_a_caller_supplied_id_and_a_second_create_with_it_is_a_duplicate()
    {
        using var dataverse = TestDataverse.Build();
        var id = Guid.NewGuid();
        Assert.Equal(id, dataverse.Service.Create(new Entity("account", id) { ["name"] = "A" }));

        Assertions.Fault(ErrorCodes.DuplicateRecord, () => dataverse.Service.Create(new Entity("account", id) { ["name"] = "B" }));
    }

    [Fact]
    public void Update_merges_only_the_columns_sent()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });

        dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = 20 });

        var read = dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        Assert.Equal("Contoso", read["name"]);
        Assert.Equal(20, read["numberofemployees"]);
    }

    [Fact]
    public void Update_with_null_clears_a_column()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });

        dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = null });

        Assert.False(dataverse.Service.Retrieve("account", id, new ColumnSet(true)).Contains("numberofemployees"));
    }

    [Fact]
    public void Delete_removes_the_record_and_a_second_delete_says_it_does_not_exist()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        dataverse.Service.Delete("account", id);

        var fault = Assertions.Fault(ErrorCodes.ObjectDoesNotExist, () => dataverse.Service.Delete("account", id));
        Assert.Contains(id.ToString(), fault.Message, StringComparison.Ordinal);
        Assertions.Fault(ErrorCodes.ObjectDoesNotExist, () => dataverse.Service.Retrieve("account", id, new ColumnSet(true)));
        Assertions.Fault(ErrorCodes.ObjectDoesNotExist, () => dataverse.Service.Update(new Entity("account", id) { ["name"] = "x" }));
    }

    [Fact]
    public void Createdon_modifiedon_and_versionnumber_come_from_the_injected_clock_and_grow()
    {
        var clock = new FakeTimeProvider(TestDataverse.Start);
        using var dataverse = TestDataverse.Builder(clock).Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var created = dataverse.Service.Retrieve("account", id, new ColumnSet(true));

        clock.Advance(TimeSpan.FromMinutes(5));
        dataverse.Service.Update(new Entity("account", id) { ["name"] = "Contoso 2" });
        var updated = dataverse.Service.Retrieve("account", id, new ColumnSet(true));

        Assert.Equal(TestDataverse.Start.UtcDateTime, created["createdon"]);
        Assert.Equal(TestDataverse.Start.UtcDateTime, updated["createdon"]);
        Assert.Equal(TestDataverse.Start.UtcDateTime.AddMinutes(5), updated["modifiedon"]);
        Assert.True((long)updated["versionnumber"] > (long)created["versionnumber"]);
        Assert.Equal(updated["versionnumber"].ToString(), updated.RowVersion);
        Assert.Equal(dataverse.DefaultUserId, updated.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [Fact]
    public void Mutating_a_returned_entity_never_changes_the_store()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso", ["creditlimit"] = new Money(10m), ["industrycode"] = new OptionSetValue(1) });

        var read = dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        read.GetAttributeValue<Money>("creditlimit").Value = 99m;
        read.GetAttributeValue<OptionSetValue>("industrycode").Value = 99;
        read["name"] = "changed";

        var again = dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        Assert.Equal(10m, again.GetAttributeValue<Money>("creditlimit").Value);
        Assert.Equal(1, again.GetAttributeValue<OptionSetValue>("industrycode").Value);
        Assert.Equal("Contoso", again["name"]);
    }

    [Fact]
    public void Mutating_a_value_after_writing_it_never_changes_the_store()
    {
        using var dataverse = TestDataverse.Build();
        var contactId = dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Smith" });
        var money = new Money(10m);
        var reference = new EntityReference("contact", contactId);
        var entity = new Entity("account") { ["name"] = "Contoso", ["creditlimit"] = money, ["primarycontactid"] = reference };
        var id = dataverse.Service.Create(entity);

        money.Value = 99m;
        reference.Id = Guid.NewGuid();
        entity["name"] = "changed";

        var read = dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        Assert.Equal(10m, read.GetAttributeValue<Money>("creditlimit").Value);
        Assert.Equal(contactId, read.GetAttributeValue<EntityReference>("primarycontactid").Id);
    }

    [Fact]
    public void A_lookup_to_a_missing_record_is_refused()
    {
        using var dataverse = TestDataverse.Build();
        Assertions.Fault(ErrorCodes.ObjectDoesNotExist, () => dataverse.Service.Create(new Entity("account") { ["name"] = "A", ["primarycontactid"] = new EntityReference("contact", Guid.NewGuid()) }));
    }

    [Fact]
    public void Associate_one_to_many_sets_the_lookup_and_disassociate_clears_it()
    {
        using var dataverse = TestDataverse.Build();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Smith" });
        var relationship = new Relationship("contact_customer_accounts");

        dataverse.Service.Associate("account", account, relationship, new EntityReferenceCollection { new EntityReference("contact", contact) });
        Assert.Equal(account, dataverse.Service.Retrieve("contact", contact, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid").Id);

        dataverse.Service.Disassociate("account", account, relationship, new EntityReferenceCollection { new EntityReference("contact", contact) });
        Assert.False(dataverse.Service.Retrieve("contact", contact, new ColumnSet("parentcustomerid")).Contains("parentcustomerid"));
    }

    [Fact]
    public void Associate_many_to_many_adds_an_intersect_row_once_and_disassociate_removes_it()
    {
        using var dataverse = TestDataverse.Build();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Smith" });
        var relationship = new Relationship("accountleads_association");
        var related = new EntityReferenceCollection { new EntityReference("contact", contact) };

        dataverse.Service.Associate("account", account, relationship, related);
        var rows = dataverse.Service.RetrieveMultiple(new QueryExpression("accountcontact") { ColumnSet = new ColumnSet(true) });
        Assert.Single(rows.Entities);
        Assert.Equal(account, rows.Entities[0]["accountid"]);
        Assert.Equal(contact, rows.Entities[0]["contactid"]);
        Assertions.Fault(ErrorCodes.DuplicateRecord, () => dataverse.Service.Associate("account", account, relationship, related));

        dataverse.Service.Disassociate("account", account, relationship, related);
        Assert.Empty(dataverse.Service.RetrieveMultiple(new QueryExpression("accountcontact")).Entities);
    }

    [Fact]
    public void Seed_records_are_there_from_the_start()
    {
        var id = Guid.NewGuid();
        using var dataverse = TestDataverse.Builder().AddRecord(new Entity("account", id) { ["name"] = "Seeded" }).Build();

        Assert.Equal("Seeded", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void An_unknown_table_is_a_fault_naming_it()
    {
        using var dataverse = TestDataverse.Build();
        var fault = Assertions.Fault(ErrorCodes.TableDoesNotExist, () => dataverse.Service.Create(new Entity("nosuchtable")));
        Assert.Contains("nosuchtable", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engines_service_factory_creates_services_that_act_as_the_given_user()
    {
        using var dataverse = TestDataverse.Build();
        var user = Guid.NewGuid();

        var id = dataverse.ServiceFactory.CreateOrganizationService(user).Create(new Entity("account") { ["name"] = "A" });

        var read = dataverse.Service.Retrieve("account", id, new ColumnSet("createdby", "ownerid"));
        Assert.Equal(user, read.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal(user, read.GetAttributeValue<EntityReference>("ownerid").Id);
    }
}
