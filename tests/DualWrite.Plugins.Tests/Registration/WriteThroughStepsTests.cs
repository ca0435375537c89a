using System;
using System.IO;
using System.Linq;
using DualWrite.MapValidation.Validation;
using DualWrite.Plugins.Registration;
using DualWrite.Plugins.TestSupport;
using DualWrite.TestSupport;

namespace DualWrite.Plugins.Tests.Registration;

public sealed class WriteThroughStepsTests
{
    private static readonly MapFile Customers = new(CustomersScenario.MapFile, File.ReadAllText(RepositoryPaths.MapFile(CustomersScenario.MapFile)));

    [Fact]
    public void With_fno_metadata_each_step_carries_the_not_nullable_properties_its_map_writes_keys_aside()
    {
        var steps = WriteThroughSteps.For([Customers], SolutionGenerator.ReadFinOpsMetadata(RepositoryPaths.Maps));

        var settings = global::DualWrite.Plugins.Configuration.StepConfiguration.Parse(steps[0].UnsecureConfiguration.Replace(StepConfigurationJson.FinOpsBaseUrlPlaceholder, "https://contoso.operations.dynamics.com/", StringComparison.Ordinal), StepConfigurations.Secure).Settings!;
        Assert.Equal(["CustomerGroupId", "CreditLimit", "CreditLimitIsMandatory", "OnHoldStatus", "OrganizationNumberOfEmployees", "IsOneTimeCustomer", "LanguageId", "PartyType"], settings.FinOpsNotNullable);
    }

    [Fact]
    public void A_map_whose_entity_set_the_fno_metadata_does_not_know_is_refused_naming_file_and_set()
    {
        var unknown = new MapFile("unknown.json", Customers.Text.Replace("\"CustomersV3\"", "\"CustomersV9\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => WriteThroughSteps.For([unknown], SolutionGenerator.ReadFinOpsMetadata(RepositoryPaths.Maps)));

        Assert.Contains("unknown.json: the F&O metadata has no entity set 'CustomersV9'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_map_gets_a_synchronous_PostOperation_step_for_Create_Update_and_Delete()
    {
        var steps = WriteThroughSteps.For([Customers]);

        Assert.Equal(["Create", "Update", "Delete"], steps.Select(s => s.Message));
        Assert.All(steps, s => Assert.Equal(("account", 40, 0), (s.Table, s.Stage, s.Mode)));
    }

    [Fact]
    public void Only_the_Update_step_filters_on_the_columns_the_map_writes_to_FinOps_and_its_filter_columns()
    {
        var steps = WriteThroughSteps.For([Customers]);

        var update = steps.Single(s => s.Message == "Update");
        Assert.Contains("name", update.FilteringAttributes);
        Assert.Contains("msdyn_customergroupid", update.FilteringAttributes);
        Assert.Contains("customertypecode", update.FilteringAttributes);
        Assert.DoesNotContain("address1_latitude", update.FilteringAttributes);
        Assert.Empty(steps.Single(s => s.Message == "Create").FilteringAttributes);
    }

    [Fact]
    public void Update_and_Delete_carry_a_pre_image_with_the_key_company_and_filter_columns()
    {
        var steps = WriteThroughSteps.For([Customers]);

        Assert.Null(steps.Single(s => s.Message == "Create").PreImage);
        foreach (var step in steps.Where(s => s.Message != "Create"))
        {
            Assert.Equal("pre", step.PreImage!.Alias);
            Assert.Contains("msdyn_company", step.PreImage.Attributes);
            Assert.Contains("accountnumber", step.PreImage.Attributes);
            Assert.Contains("customertypecode", step.PreImage.Attributes);
        }
    }

    [Fact]
    public void Ids_depend_only_on_the_map_name_and_message()
    {
        var first = WriteThroughSteps.For([Customers]).Select(s => s.Id).ToList();
        var second = WriteThroughSteps.For([Customers]).Select(s => s.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(3, first.Distinct().Count());
        Assert.Equal(NameBasedGuid.Create("step/Customers V3/Create"), first[0]);
    }

    [Fact]
    public void A_map_that_only_reads_from_FinOps_gets_no_steps()
    {
        var products = new MapFile("released-distinct-products.json", File.ReadAllText(RepositoryPaths.MapFile("released-distinct-products.json")));

        Assert.Empty(WriteThroughSteps.For([products]));
    }

    [Fact]
    public void Name_based_ids_follow_RFC_9562_version_5()
    {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
        var id = NameBasedGuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), id);
    }
}
