using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Plugins.TestSupport;
using DualWrite.Plugins.WriteThrough;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.Tests.Configuration;

public sealed class MisconfiguredStepTests
{
    [Fact]
    public void A_save_through_a_misconfigured_step_fails_naming_the_setting_and_is_rolled_back()
    {
        using var dataverse = new InMemoryDataverseBuilder()
            .AddTable("account", t => t.PrimaryName("name"))
            .AddStep(new StepRegistration
            {
                PluginType = typeof(WriteThroughPlugin),
                Message = "Create",
                Table = "account",
                UnsecureConfiguration = "{\"finOpsBaseUrl\":\"https://contoso.operations.dynamics.com/\"}",
                SecureConfiguration = StepConfigurations.Secure,
            })
            .Build();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(
            "DualWrite's step on Create of account is misconfigured: Setting 'map' of the step's unsecure configuration is required: the table map (a map file's JSON object) this step writes through.",
            error.Message);
        Assert.Empty(dataverse.Snapshot().Tables["account"]);
    }

    [Fact]
    public async Task A_step_registered_on_another_table_than_its_maps_fails_with_a_clear_message()
    {
        await using var finOps = await FakeFinOps.StartAsync();
        using var dataverse = new InMemoryDataverseBuilder()
            .AddTable("contact", t => t.PrimaryName("fullname"))
            .AddStep(new StepRegistration
            {
                PluginType = typeof(WriteThroughPlugin),
                Message = "Create",
                Table = "contact",
                UnsecureConfiguration = StepConfigurations.Unsecure(finOps.BaseUrl.AbsoluteUri, allowEmulatorUrls: true),
                SecureConfiguration = CustomersScenario.SecureConfiguration(finOps.BaseUrl),
            })
            .Build();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("contact") { ["fullname"] = "Joe" }));

        Assert.Equal("DualWrite is registered on contact, but the step's map 'Customers V3' pairs account. Fix the step's unsecure configuration or registration.", error.Message);
        Assert.Empty(finOps.Requests);
    }
}
