using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Store;

public sealed class RowVersionTests
{
    [Fact]
    public void Update_if_row_version_matches_succeeds_with_the_current_version()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });
        var read = dataverse.Service.Retrieve("account", id, new ColumnSet("name"));

        var update = new Entity("account", id) { ["name"] = "B", RowVersion = read.RowVersion };
        dataverse.Service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });

        Assert.Equal("B", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void Update_if_row_version_matches_fails_with_version_mismatch_after_another_change()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });
        var stale = dataverse.Service.Retrieve("account", id, new ColumnSet("name")).RowVersion;
        dataverse.Service.Update(new Entity("account", id) { ["name"] = "someone else" });

        var update = new Entity("account", id) { ["name"] = "B", RowVersion = stale };
        Assertions.Fault(ErrorCodes.ConcurrencyVersionMismatch, () => dataverse.Service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        Assert.Equal("someone else", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void Update_if_row_version_matches_without_a_row_version_is_refused()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assertions.Fault(ErrorCodes.ConcurrencyVersionNotProvided, () => dataverse.Service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "B" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
    }

    [Fact]
    public void Delete_if_row_version_matches_checks_the_reference_row_version()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });
        var stale = dataverse.Service.Retrieve("account", id, new ColumnSet("name")).RowVersion;
        dataverse.Service.Update(new Entity("account", id) { ["name"] = "B" });

        Assertions.Fault(ErrorCodes.ConcurrencyVersionMismatch, () => dataverse.Service.Execute(new DeleteRequest { Target = new EntityReference("account", id) { RowVersion = stale }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        var current = dataverse.Service.Retrieve("account", id, new ColumnSet("name")).RowVersion;
        dataverse.Service.Execute(new DeleteRequest { Target = new EntityReference("account", id) { RowVersion = current }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
    }

    [Fact]
    public void Default_concurrency_overwrites_regardless_of_row_version()
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        dataverse.Service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "B", RowVersion = "1" } });

        Assert.Equal("B", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }
}
