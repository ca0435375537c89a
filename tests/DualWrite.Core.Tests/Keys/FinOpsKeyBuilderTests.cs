using System.Collections.Generic;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

public class FinOpsKeyBuilderTests
{
    private static readonly string[] CustomerKey = { "CustomerAccount", "dataAreaId" };

    [Fact]
    public void The_company_comes_first_whatever_the_metadata_order()
    {
        var result = FinOpsKeyBuilder.Build("CustomersV3", CustomerKey, new Dictionary<string, object?>
        {
            ["CustomerAccount"] = "US-001",
            ["dataAreaId"] = "usmf",
        });

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", result.Path);
    }

    [Fact]
    public void A_missing_key_field_is_a_failure_that_names_the_entity_and_the_field()
    {
        var result = FinOpsKeyBuilder.Build("CustomersV3", CustomerKey, new Dictionary<string, object?> { ["dataAreaId"] = "usmf" });

        Assert.False(result.IsSuccess);
        Assert.Equal("CustomerAccount", result.Field);
        Assert.Equal("F&O key of 'CustomersV3' needs a value for 'CustomerAccount', and it is empty.", result.Error);
    }

    [Fact]
    public void A_blank_company_is_a_failure()
    {
        var result = FinOpsKeyBuilder.Build("CustomersV3", CustomerKey, new Dictionary<string, object?>
        {
            ["CustomerAccount"] = "US-001",
            ["dataAreaId"] = "",
        });

        Assert.False(result.IsSuccess);
        Assert.Equal("dataAreaId", result.Field);
    }

    [Fact]
    public void A_shared_entity_without_company_keeps_its_own_order()
    {
        var result = FinOpsKeyBuilder.Build("LegalEntities", new[] { "LegalEntityId" }, f => "USMF");

        Assert.Equal("LegalEntities(LegalEntityId='USMF')", result.Path);
    }

    [Fact]
    public void A_value_that_cannot_be_a_literal_is_a_failure_naming_the_field()
    {
        var result = FinOpsKeyBuilder.Build("X", new[] { "Id" }, f => new object());

        Assert.False(result.IsSuccess);
        Assert.Equal("Id", result.Field);
        Assert.Contains("'Id'", result.Error, System.StringComparison.Ordinal);
    }
}
