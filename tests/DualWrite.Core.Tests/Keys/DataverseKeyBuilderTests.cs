using System;
using System.Collections.Generic;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

public class DataverseKeyBuilderTests
{
    [Fact]
    public void A_primary_key_is_the_unnamed_guid()
    {
        var id = Guid.Parse("6a3c1f9e-0000-4000-8000-000000000001");

        Assert.Equal("accounts(6a3c1f9e-0000-4000-8000-000000000001)", DataverseKeyBuilder.PrimaryKey("accounts", id).Path);
        Assert.False(DataverseKeyBuilder.PrimaryKey("accounts", Guid.Empty).IsSuccess);
    }

    [Fact]
    public void An_alternate_key_with_a_lookup_part_keeps_the_defined_order()
    {
        var company = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var result = DataverseKeyBuilder.AlternateKey("accounts", new[] { "accountnumber", "_msdyn_company_value" }, new Dictionary<string, object?>
        {
            ["_msdyn_company_value"] = company,
            ["accountnumber"] = "US-001",
        });

        Assert.Equal("accounts(accountnumber='US-001',_msdyn_company_value=11111111-2222-3333-4444-555555555555)", result.Path);
    }

    [Fact]
    public void A_missing_alternate_key_part_names_it()
    {
        var result = DataverseKeyBuilder.AlternateKey("contacts", new[] { "firstname", "emailaddress1" }, a => a == "firstname" ? "Joe" : null);

        Assert.False(result.IsSuccess);
        Assert.Equal("emailaddress1", result.Field);
        Assert.Contains("'contacts'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A/B", true)]
    [InlineData("50%", true)]
    [InlineData("a:b", true)]
    [InlineData("a\\b", true)]
    [InlineData("O'Neil & Sons", true)]
    [InlineData("O'Neil (US) #1?", false)]
    public void Keys_with_characters_dataverse_rejects_in_key_urls_are_flagged_for_a_fallback(string value, bool rejected)
    {
        Assert.Equal(rejected, DataverseKeyBuilder.HasCharactersRejectedInAlternateKeys(ODataKey.Named("accountnumber", value)));
    }
}
