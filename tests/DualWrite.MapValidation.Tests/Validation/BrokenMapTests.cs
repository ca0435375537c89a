using System.Linq;
using DualWrite.MapValidation.Validation;

namespace DualWrite.MapValidation.Tests.Validation;

/// <summary>One deliberately broken map per kind of error, validated among the standard maps.</summary>
public class BrokenMapTests
{
    [Theory]
    [InlineData("unknown-entity-set.json", ValidationIssueCode.UnknownEntitySet, null)]
    [InlineData("unknown-field.json", ValidationIssueCode.UnknownField, "RoundingPrecision")]
    [InlineData("unknown-field.json", ValidationIssueCode.UnknownField, "currencyprecision")]
    [InlineData("type-mismatch.json", ValidationIssueCode.TypeMismatch, "Name")]
    [InlineData("type-mismatch.json", ValidationIssueCode.TypeMismatch, "cdm_name")]
    [InlineData("required-not-filled.json", ValidationIssueCode.RequiredFieldNotFilled, "Name")]
    [InlineData("required-not-filled.json", ValidationIssueCode.RequiredFieldNotFilled, "cdm_name")]
    [InlineData("enum-not-covered.json", ValidationIssueCode.ValueNotCovered, "IsSalesTaxIncludedInPrice")]
    [InlineData("enum-not-covered.json", ValidationIssueCode.ValueNotCovered, "msdyn_issalestaxincludedinprice")]
    [InlineData("choice-not-covered.json", ValidationIssueCode.ValueNotCovered, "OnHoldStatus")]
    [InlineData("choice-not-covered.json", ValidationIssueCode.ValueNotCovered, "msdyn_onholdstatus")]
    [InlineData("choice-not-covered.json", ValidationIssueCode.UnknownValue, "OnHoldStatus")]
    [InlineData("choice-not-covered.json", ValidationIssueCode.UnknownValue, "msdyn_onholdstatus")]
    [InlineData("key-not-mapped.json", ValidationIssueCode.KeyNotMapped, "CurrencyCode")]
    [InlineData("key-not-mapped.json", ValidationIssueCode.KeyNotMapped, "isocurrencycode")]
    [InlineData("missing-company.json", ValidationIssueCode.MissingCompanyStriping, "dataAreaId")]
    [InlineData("missing-company.json", ValidationIssueCode.NoMatchingAlternateKey, "msdyn_groupid")]
    [InlineData("unresolvable-lookup.json", ValidationIssueCode.UnresolvableLookup, "PaymentTermId")]
    [InlineData("lookup-key-mismatch.json", ValidationIssueCode.UnresolvableLookup, "InvoiceVendorAccountNumber")]
    [InlineData("filter-does-not-parse.json", ValidationIssueCode.FilterDoesNotParse, "finOps.filter")]
    [InlineData("filter-unknown-field.json", ValidationIssueCode.FilterUnknownField, "dataverse.filter")]
    public void A_broken_map_is_reported_with_its_file_field_and_code(string file, ValidationIssueCode code, string? field)
    {
        var issues = TestData.ValidateWithStandardMaps(file);

        Assert.Contains(issues, issue => issue.File == file && issue.Code == code && issue.Field == field);
        Assert.All(issues, issue => Assert.Equal(file, issue.File));
    }

    [Fact]
    public void Every_fno_property_a_create_requires_without_a_mapping_or_default_is_reported_at_once_and_defaulted_ones_are_not()
    {
        var issues = TestData.ValidateWithStandardMaps("fno-required-without-default.json");

        var required = issues.Where(issue => issue.Code == ValidationIssueCode.RequiredFieldNotFilled).ToList();
        Assert.Equal(["CustomerGroupId", "LanguageId", "PartyType"], required.Select(issue => issue.Field).OrderBy(f => f, System.StringComparer.Ordinal));
        Assert.Contains(required, issue => issue.ToString() ==
            "fno-required-without-default.json: Broken: F&O requires what no field fills: CustomerGroupId: RequiredFieldNotFilled: F&O requires 'CustomersV3.CustomerGroupId' on create, but no Dataverse-to-F&O mapping, default or constant fills it.");

        // Enums and numbers F&O fills itself (CreditLimitIsMandatory, OnHoldStatus): not required of the map.
        Assert.DoesNotContain(required, issue => issue.Field is "CreditLimitIsMandatory" or "OnHoldStatus" or "CreditLimit");
    }

    [Fact]
    public void A_default_towards_fno_for_a_property_fno_requires_is_no_round_trip_problem()
    {
        // customers-v3.json: CustomerGroupId <-> msdyn_customergroupid with "default": { "finOps": "10" }.
        var issues = TestData.Validator.Validate(TestData.StandardMaps);

        Assert.DoesNotContain(issues, issue => issue.Code == ValidationIssueCode.NotInvertible);
    }

    [Fact]
    public void Messages_say_what_is_wrong_and_where()
    {
        var issues = TestData.ValidateWithStandardMaps("choice-not-covered.json");

        Assert.Contains(issues, issue => issue.ToString() ==
            "choice-not-covered.json: Broken: choice value not covered: OnHoldStatus: ValueNotCovered: F&O enum CustVendorBlocked members Never have no value map entry (and the map has no default toward Dataverse).");
        Assert.Contains(issues, issue => issue.Message.Contains("'Hold' is not a member of F&O enum CustVendorBlocked", System.StringComparison.Ordinal));
        Assert.Contains(issues, issue => issue.Message.Contains("192350005", System.StringComparison.Ordinal) && issue.Code == ValidationIssueCode.ValueNotCovered);
    }

    [Fact]
    public void A_key_that_is_no_alternate_key_lists_the_keys_the_table_declares()
    {
        var issues = TestData.ValidateWithStandardMaps("missing-company.json");

        var issue = Assert.Single(issues, issue => issue.Code == ValidationIssueCode.NoMatchingAlternateKey);
        Assert.Equal("table 'msdyn_customergroup' declares no alternate key (msdyn_groupid); declared: (msdyn_company, msdyn_groupid).", issue.Message);
    }

    [Fact]
    public void A_cycle_between_maps_is_reported_naming_the_maps_in_it()
    {
        var issues = TestData.ValidateWithStandardMaps("cycle.json");

        var cycle = Assert.Single(issues, issue => issue.Code == ValidationIssueCode.DependencyCycle);
        Assert.Contains("Customers V3", cycle.Message, System.StringComparison.Ordinal);
        Assert.Contains("Broken: customer groups with a key account", cycle.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Legal entities", cycle.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_broken_map_is_reported_in_one_run()
    {
        var files = System.IO.Directory.GetFiles(TestData.BrokenDirectory).Select(System.IO.Path.GetFileName).ToArray();

        var issues = TestData.ValidateWithStandardMaps(files!);

        Assert.All(files, file => Assert.Contains(issues, issue => issue.File == file));
        Assert.Equal(
            System.Enum.GetValues<ValidationIssueCode>().Except(new[]
            {
                ValidationIssueCode.MetadataUnreadable, ValidationIssueCode.MapDoesNotLoad,
                ValidationIssueCode.DuplicateMapName,
            }).OrderBy(code => code),
            issues.Select(issue => issue.Code).Distinct().OrderBy(code => code));
    }
}
