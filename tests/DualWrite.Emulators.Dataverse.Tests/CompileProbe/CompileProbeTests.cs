using System;
using System.Linq;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.CompileProbe;

public sealed class CompileProbeTests
{
    [Fact]
    public void The_probe_plugin_runs_through_the_engine_and_cascades_to_contacts()
    {
        using var dataverse = Build();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var ann = dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Ann", ["parentcustomerid"] = new EntityReference("account", account) });
        dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Unrelated" });

        dataverse.Service.Update(new Entity("account", account) { ["name"] = "Fabrikam", ["creditlimit"] = new Money(100m) });

        Assert.Equal("of Fabrikam", dataverse.Service.Retrieve("contact", ann, new ColumnSet("firstname"))["firstname"]);
        var audit = dataverse.Service.Retrieve("contact", Guid.Empty, new ColumnSet("lastname"), "emailaddress1", $"audit-{account:N}@example.com");
        Assert.Equal("Audit Fabrikam", audit["lastname"]);
        Assert.Contains(dataverse.Traces, t => t.Text == $"Account {account}: 'Contoso' -> 'Fabrikam'");
        Assert.Contains(dataverse.Traces, t => t.Text == "Cascaded to 1 contact(s); 1 audit record(s) created.");
    }

    [Fact]
    public void The_probe_plugins_refusal_reaches_the_caller_and_rolls_everything_back()
    {
        using var dataverse = Build();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Ann", ["parentcustomerid"] = new EntityReference("account", account) });
        var before = dataverse.Snapshot();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Update(new Entity("account", account) { ["creditlimit"] = new Money(5000m) }));

        Assert.Equal("Credit limit 5,000.00 exceeds the maximum of 1,000.00.", error.Message);
        Assert.Equal(before.Text, dataverse.Snapshot().Text);
    }

    [Fact]
    public void The_probe_plugin_skips_changes_tagged_dual_write()
    {
        using var dataverse = Build();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var request = new UpdateRequest { Target = new Entity("account", account) { ["name"] = "From F&O" } };
        request.Parameters["tag"] = "DualWrite";

        dataverse.Service.Execute(request);

        Assert.Contains(dataverse.Traces, t => t.Text == "Skipping: change came from DualWrite.");
        Assert.Single(dataverse.Snapshot().Tables["account"]);
        Assert.Empty(dataverse.Snapshot().Tables["contact"]);
    }

    private static InMemoryDataverse Build()
        => TestDataverse.Builder()
            .AddStep(new StepRegistration
            {
                PluginType = typeof(AccountCascadeProbePlugin),
                Message = "Update",
                Table = "account",
                Stage = PipelineStage.PostOperation,
                FilteringAttributes = ["name", "creditlimit"],
                Images = [new StepImage("pre", ImageType.PreImage, "name"), new StepImage("post", ImageType.PostImage, "name", "creditlimit")],
                UnsecureConfiguration = "1000",
            })
            .Build();
}

internal static class RetrieveByKeyExtensions
{
    /// <summary>Retrieve by alternate key, as the Web API's GET by key does.</summary>
    public static Entity Retrieve(this IOrganizationService service, string table, Guid _, ColumnSet columns, string keyName, object keyValue)
        => ((RetrieveResponse)service.Execute(new RetrieveRequest { Target = new EntityReference(table, keyName, keyValue), ColumnSet = columns })).Entity;
}
