using System;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Tests.Mapping;

namespace DualWrite.Core.Tests.Maps.Loading;

public class MapLoaderTests
{
    private const string Minimal = """
        {
          "schemaVersion": 1,
          "name": "Currencies",
          "direction": "FinOpsToDataverse",
          "finOps": { "entitySet": "Currencies", "key": ["CurrencyCode"] },
          "dataverse": { "entitySet": "transactioncurrencies", "logicalName": "transactioncurrency", "key": ["isocurrencycode"] },
          "fields": [
            { "finOps": "CurrencyCode", "dataverse": "isocurrencycode" }
          ]
        }
        """;

    [Fact]
    public void The_reference_customers_map_loads_with_every_part()
    {
        var map = CustomerMap.Load();

        Assert.Equal("Customers V3", map.Name);
        Assert.Equal(MapLoader.SchemaVersion, map.SchemaVersion);
        Assert.Equal(MapDirection.TwoWay, map.Direction);
        Assert.Equal(ConflictPolicy.FieldMerge, map.ConflictPolicy);
        Assert.Equal(new[] { "dataAreaId", "CustomerAccount" }, map.FinOps.KeyFields);
        Assert.Equal("PartyType eq 'Organization'", map.FinOps.FilterText);
        Assert.Equal("account", map.Dataverse.LogicalName);
        Assert.Equal("customertypecode eq 3", map.Dataverse.FilterText);
        Assert.Equal("cdm_companycode", map.Company!.CodeField);
        Assert.Equal(11, map.Fields.Count);

        var group = map.Fields[2];
        Assert.Equal("msdyn_groupid", group.Lookup!.KeyField);
        Assert.Equal("msdyn_customergroupid", group.Lookup.NavigationProperty);
        Assert.Equal(FieldType.Lookup, group.DataverseType);

        var language = map.Fields.Single(f => f.FinOpsField == "LanguageId");
        Assert.Equal(MapDirection.DataverseToFinOps, language.Direction);
        Assert.Equal("en-us", language.DefaultToFinOps!.ToString());

        var customerType = map.Fields.Single(f => f.DataverseField == "customertypecode");
        Assert.Equal(MapDirection.FinOpsToDataverse, customerType.Direction);
        Assert.Equal("3", customerType.Constant!.ToString());
    }

    [Fact]
    public void An_unknown_schema_version_is_rejected_naming_the_file_and_line()
    {
        var result = MapLoader.Load(Minimal.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal), "currencies.json");

        var error = Assert.Single(result.Errors);
        Assert.False(result.Succeeded);
        Assert.Equal("currencies.json", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal("schemaVersion", error.Path);
        Assert.Equal("currencies.json(2,20): schemaVersion: schema version 2 is not supported; this loader reads version 1.", error.ToString());
    }

    [Fact]
    public void A_file_without_a_schema_version_is_rejected()
    {
        var result = MapLoader.Load("{ \"name\": \"X\" }", "x.json");

        Assert.Contains("missing required property 'schemaVersion'", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_is_rejected_with_its_path_and_position()
    {
        var json = Minimal.Replace("{ \"finOps\": \"CurrencyCode\", \"dataverse\": \"isocurrencycode\" }", "{ \"finOps\": \"CurrencyCode\", \"dataverse\": \"isocurrencycode\", \"dirction\": \"TwoWay\" }", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "currencies.json").Errors);

        Assert.Equal("fields[0].dirction", error.Path);
        Assert.Equal(8, error.Line);
        Assert.Contains("unknown property 'dirction'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_direction_is_rejected_with_file_line_and_the_expected_names()
    {
        var result = MapLoader.Load(Minimal.Replace("\"FinOpsToDataverse\"", "\"Both\"", StringComparison.Ordinal), "currencies.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("currencies.json(4,16): direction: 'Both' is not a direction; expected TwoWay, FinOpsToDataverse, DataverseToFinOps.", error.ToString());
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line_and_column()
    {
        var error = Assert.Single(MapLoader.Load("{\n  \"schemaVersion\": 1,\n}", "broken.json").Errors);

        Assert.Equal("broken.json", error.File);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "name": "",
              "direction": "TwoWay",
              "conflictPolicy": "FirstWins",
              "finOps": { "entitySet": "CustomersV3", "key": ["dataAreaId", "CustomerAccount"] },
              "dataverse": { "entitySet": "accounts", "logicalName": "account", "key": ["accountnumber"] },
              "company": {},
              "fields": [
                { "finOps": "CustomerAccount", "dataverse": "accountnumber", "type": "text" },
                { "finOps": "CreditLimit", "dataverse": "creditlimit", "finOpsType": "decimal", "dataverseType": "bool" }
              ]
            }
            """;

        var errors = MapLoader.Load(json, "customers.json").Errors.Select(e => e.Path + ": " + e.Message).ToList();

        Assert.Contains(errors, e => e.StartsWith("name: expected a non-empty string", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("conflictPolicy: 'FirstWins' is not a conflict policy", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("fields[0].type: 'text' is not a type", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("fields[1]: cannot copy between decimal and bool", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void A_copy_between_enum_and_choice_needs_a_value_map()
    {
        var json = Minimal.Replace("\"dataverse\": \"isocurrencycode\" }", "\"dataverse\": \"isocurrencycode\" },\n    { \"finOps\": \"Status\", \"dataverse\": \"statuscode\", \"finOpsType\": \"enum\", \"dataverseType\": \"choice\" }", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "currencies.json").Errors);

        Assert.Equal("fields[1]", error.Path);
        Assert.Contains("cannot copy between enum and choice; declare a value map", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_way_value_map_with_a_repeated_value_is_rejected()
    {
        var json = CustomerMap.Json.Replace("{ \"finOps\": \"All\", \"dataverse\": 192350002 }", "{ \"finOps\": \"All\", \"dataverse\": 192350000 }", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "customers.json").Errors);

        Assert.Equal("fields[6].valueMap.entries[1]", error.Path);
        Assert.Contains("Dataverse value 192350000 has two entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_map_literal_of_the_wrong_type_is_rejected()
    {
        var json = CustomerMap.Json.Replace("{ \"finOps\": \"Yes\", \"dataverse\": true }", "{ \"finOps\": \"Yes\", \"dataverse\": \"true\" }", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "customers.json").Errors);

        Assert.Equal("fields[5].valueMap.entries[1].dataverse", error.Path);
        Assert.Equal("'true' is not a valid bool value; expected true or false.", error.Message);
    }

    [Fact]
    public void A_company_specific_map_keys_on_the_company_first_on_both_sides()
    {
        var json = CustomerMap.Json
            .Replace("[\"dataAreaId\", \"CustomerAccount\"]", "[\"CustomerAccount\", \"dataAreaId\"]", StringComparison.Ordinal)
            .Replace("[\"msdyn_company\", \"accountnumber\"]", "[\"accountnumber\"]", StringComparison.Ordinal);

        var paths = MapLoader.Load(json, "customers.json").Errors.Select(e => e.Path).ToList();

        Assert.Equal(new[] { "finOps.key", "dataverse.key" }, paths);
    }

    [Fact]
    public void A_field_mapping_of_the_company_is_rejected_because_the_company_section_carries_it()
    {
        var json = CustomerMap.Json.Replace("{ \"finOps\": \"SalesMemo\", \"dataverse\": \"description\" }", "{ \"finOps\": \"dataAreaId\", \"dataverse\": \"msdyn_companycode\" }", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "customers.json").Errors);

        Assert.Equal("'dataAreaId <-> msdyn_companycode' maps the company, which the 'company' section already carries.", error.Message);
    }

    [Theory]
    [InlineData("{ \"finOps\": \"Name\", \"dataverse\": \"currencyname\", \"dataverseType\": \"enum\" }", "type enum exists on the F&O side only (Dataverse has choices).")]
    [InlineData("{ \"finOps\": \"Name\", \"dataverse\": \"currencyname\", \"finOpsType\": \"money\", \"dataverseType\": \"money\" }", "type money exists on the Dataverse side only.")]
    [InlineData("{ \"finOps\": \"Name\", \"dataverse\": \"currencyname\", \"transforms\": [ { \"kind\": \"capitalize\" } ] }", "'capitalize' is not a transform; expected trim, upper, lower, maxLength.")]
    [InlineData("{ \"finOps\": \"Name\", \"dataverse\": \"currencyname\", \"transforms\": [ { \"kind\": \"trim\", \"length\": 3 } ] }", "'length' and 'onOverflow' belong to a maxLength transform only.")]
    [InlineData("{ \"finOps\": \"Rate\", \"dataverse\": \"exchangerate\", \"type\": \"decimal\", \"default\": \"one\" }", "'one' is not a valid decimal value; expected a number.")]
    [InlineData("{ \"finOps\": \"Name\", \"dataverse\": \"currencyname\", \"constant\": \"x\" }", "a constant belongs to a field on one side only (a paired field has a source value).")]
    [InlineData("{ \"finOps\": \"Name\", \"dataverse\": \"currencyname\", \"valueMap\": { \"entries\": [] } }", "a value map needs at least one entry.")]
    [InlineData("{ \"finOps\": \"Symbol\", \"dataverse\": \"currencysymbol\", \"lookup\": { \"entitySet\": \"symbols\", \"logicalName\": \"symbol\", \"keyField\": \"code\" } }", "missing required property 'companySpecific'.")]
    public void A_field_mapping_mistake_is_reported_with_a_message_that_says_what_to_do(string field, string message)
    {
        var json = Minimal.Replace("\"dataverse\": \"isocurrencycode\" }", "\"dataverse\": \"isocurrencycode\" },\n    " + field, StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "currencies.json").Errors);

        Assert.Equal(message, error.Message);
        Assert.StartsWith("fields[1]", error.Path, StringComparison.Ordinal);
        Assert.Equal(9, error.Line);
    }

    [Fact]
    public void A_key_field_that_no_mapping_writes_is_rejected()
    {
        var json = Minimal.Replace("[\"isocurrencycode\"]", "[\"isocurrencycode\", \"currencyname\"]", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "currencies.json").Errors);

        Assert.Equal("dataverse.key", error.Path);
        Assert.Contains("'currencyname' is not written by any field mapping travelling FinOpsToDataverse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_on_one_side_needs_a_default_or_a_constant()
    {
        var json = Minimal.Replace("\"dataverse\": \"isocurrencycode\" }", "\"dataverse\": \"isocurrencycode\" },\n    { \"dataverse\": \"currencyprecision\", \"type\": \"int\" }", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "currencies.json").Errors);

        Assert.Contains("needs a 'default' or a 'constant'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_max_length_transform_must_say_what_happens_to_a_longer_value()
    {
        var json = CustomerMap.Json.Replace(", \"onOverflow\": \"error\"", string.Empty, StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "customers.json").Errors);

        Assert.Equal("fields[1].transforms[0]", error.Path);
        Assert.Contains("'onOverflow' (error or truncate)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_transform_on_a_number_field_is_rejected()
    {
        var json = CustomerMap.Json.Replace(
            "\"dataverseType\": \"money\" }",
            "\"dataverseType\": \"money\", \"transforms\": [ { \"kind\": \"trim\" } ] }",
            StringComparison.Ordinal);

        var errors = MapLoader.Load(json, "customers.json").Errors;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("a string transform needs a string target", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_cannot_travel_a_way_its_map_does_not()
    {
        var json = Minimal.Replace("\"dataverse\": \"isocurrencycode\" }", "\"dataverse\": \"isocurrencycode\" },\n    { \"finOps\": \"Name\", \"dataverse\": \"currencyname\", \"direction\": \"TwoWay\" }", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "currencies.json").Errors);

        Assert.Equal("fields[1].direction", error.Path);
        Assert.Contains("does not fit the map's direction FinOpsToDataverse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_specific_lookup_needs_a_company_specific_map()
    {
        var json = CustomerMap.Json.Replace("\"company\": {},", string.Empty, StringComparison.Ordinal)
            .Replace("[\"dataAreaId\", \"CustomerAccount\"]", "[\"CustomerAccount\"]", StringComparison.Ordinal)
            .Replace("[\"msdyn_company\", \"accountnumber\"]", "[\"accountnumber\"]", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "customers.json").Errors);

        Assert.Equal("fields[2].lookup.companySpecific", error.Path);
    }

    [Fact]
    public void The_conflict_policy_defaults_to_field_merge_both_ways_and_to_the_source_one_way()
    {
        var oneWay = MapLoader.Load(Minimal, "currencies.json").Map!;
        var twoWay = CustomerMap.Load();

        Assert.Equal(ConflictPolicy.FinOpsWins, oneWay.ConflictPolicy);
        Assert.Equal(ConflictPolicy.FieldMerge, twoWay.ConflictPolicy);
        Assert.Equal(ConflictPolicy.FieldMerge, twoWay.ConflictPolicyFor(twoWay.Fields[0]));
    }

    [Fact]
    public void A_field_conflict_policy_overrides_the_map_policy()
    {
        var json = CustomerMap.Json.Replace("{ \"finOps\": \"SalesMemo\", \"dataverse\": \"description\" }", "{ \"finOps\": \"SalesMemo\", \"dataverse\": \"description\", \"conflictPolicy\": \"DataverseWins\" }", StringComparison.Ordinal);
        var map = MapLoader.Load(json, "customers.json").Map!;

        Assert.Equal(ConflictPolicy.DataverseWins, map.ConflictPolicyFor(map.Fields.Single(f => f.FinOpsField == "SalesMemo")));
    }

    [Fact]
    public void Truncating_and_case_transforms_make_a_two_way_field_not_invertible()
    {
        var json = CustomerMap.Json.Replace(
            "{ \"finOps\": \"SalesMemo\", \"dataverse\": \"description\" }",
            "{ \"finOps\": \"SalesMemo\", \"dataverse\": \"description\", \"transforms\": [ { \"kind\": \"upper\" }, { \"kind\": \"maxLength\", \"length\": 5, \"onOverflow\": \"truncate\" } ] }",
            StringComparison.Ordinal);
        var map = MapLoader.Load(json, "customers.json").Map!;

        var flagged = Assert.Single(map.NonInvertibleTwoWayFields());
        Assert.Equal("SalesMemo", flagged.Key.FinOpsField);
        Assert.Equal(new[] { "the Upper transform can change the value", "the maxLength(5, Truncate) transform can change the value" }, flagged.Value);
        Assert.True(map.Fields[1].IsInvertible); // max length with an error passes a value unchanged or fails
    }

    [Fact]
    public void A_side_filter_is_parsed_at_load_and_exposed_for_evaluation()
    {
        var map = CustomerMap.Load();

        Assert.Equal(new[] { "PartyType" }, map.FinOps.Filter!.FieldNames);
        Assert.Equal(new[] { "customertypecode" }, map.Dataverse.Filter!.FieldNames);
        Assert.Null(MapLoader.Load(Minimal, "currencies.json").Map!.FinOps.Filter);
    }

    [Fact]
    public void A_filter_that_does_not_parse_is_a_load_error_at_the_filter()
    {
        var json = CustomerMap.Json.Replace("\"customertypecode eq 3\"", "\"customertypecode eq\"", StringComparison.Ordinal);

        var error = Assert.Single(MapLoader.Load(json, "customers.json").Errors);

        Assert.Equal("dataverse.filter", error.Path);
        Assert.Equal(6, error.Line);
        Assert.StartsWith("Invalid filter \"customertypecode eq\"", error.Message, StringComparison.Ordinal);
    }
}
