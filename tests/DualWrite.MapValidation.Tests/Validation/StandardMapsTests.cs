using System.Linq;
using DualWrite.MapValidation.Validation;

namespace DualWrite.MapValidation.Tests.Validation;

public class StandardMapsTests
{
    [Fact]
    public void Every_standard_map_loads_and_validates_against_the_shipped_metadata()
    {
        var issues = TestData.Validator.Validate(TestData.StandardMaps);

        Assert.True(issues.Count == 0, string.Join("\n", issues));
    }

    [Fact]
    public void All_nine_standard_maps_are_shipped()
    {
        Assert.Equal(
            new[]
            {
                "contacts.json", "currencies.json", "customer-groups.json", "customers-v3.json", "legal-entities.json",
                "released-distinct-products.json", "sales-order-headers-v2.json", "sales-order-lines.json", "vendors-v2.json",
            },
            TestData.StandardMaps.Select(map => map.Name));
    }

    [Fact]
    public async System.Threading.Tasks.Task The_runner_reads_maps_metadata_and_choices_from_disk_and_finds_nothing()
    {
        var issues = await MapValidationRunner.RunAsync(TestData.MapsDirectory, TestData.FinOpsMetadataPath, TestData.DataverseMetadataPath);

        Assert.True(issues.Count == 0, string.Join("\n", issues));
    }
}
