using System;
using System.Collections.Generic;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

public class ODataKeyFormatterTests
{
    [Fact]
    public void A_primary_key_guid_is_written_unnamed_and_unquoted()
    {
        var key = ODataKey.Unnamed(new Guid("00000000-0000-0000-0000-000000000001"));

        Assert.Equal("accounts(00000000-0000-0000-0000-000000000001)", ODataKeyFormatter.EntityPath("accounts", key));
    }

    [Fact]
    public void A_single_part_alternate_key_is_named_and_quoted()
    {
        Assert.Equal("accounts(accountnumber='ABC123')", ODataKeyFormatter.EntityPath("accounts", ODataKey.Named("accountnumber", "ABC123")));
    }

    [Fact]
    public void A_multi_part_alternate_key_keeps_its_order_and_escapes_values()
    {
        var key = ODataKey.Named(new[]
        {
            new KeyValuePair<string, object>("firstname", "Joe"),
            new KeyValuePair<string, object>("emailaddress1", "abc@example.com"),
        });

        Assert.Equal("contacts(firstname='Joe',emailaddress1='abc%40example.com')", ODataKeyFormatter.EntityPath("contacts", key));
        Assert.Equal("(firstname='Joe',emailaddress1='abc@example.com')", key.ToString());
    }

    [Fact]
    public void A_bind_reference_is_a_relative_url_starting_with_a_slash()
    {
        Assert.Equal(
            "/msdyn_customergroups(msdyn_groupid='10')",
            ODataKeyFormatter.BindReference("msdyn_customergroups", ODataKey.Named("msdyn_groupid", "10")));
    }

    [Theory]
    [InlineData("https://env.operations.dynamics.com/data")]
    [InlineData("https://env.operations.dynamics.com/data/")]
    public void An_entity_url_joins_the_service_root_with_exactly_one_slash(string root)
    {
        var key = ODataKey.Named(new[]
        {
            new KeyValuePair<string, object>("dataAreaId", "usmf"),
            new KeyValuePair<string, object>("CustomerAccount", "US-001"),
        });

        Assert.Equal(
            "https://env.operations.dynamics.com/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')",
            ODataKeyFormatter.EntityUrl(root, "CustomersV3", key));
    }

    [Fact]
    public void Quotes_are_doubled_and_hostile_characters_percent_encoded()
    {
        var path = ODataKeyFormatter.EntityPath("accounts", ODataKey.Named("accountnumber", "O'Neil/1?#% 2"));

        Assert.Equal("accounts(accountnumber='O''Neil%2F1%3F%23%25%202')", path);
    }

    [Fact]
    public void Enum_dates_and_numbers_are_written_as_typed_literals()
    {
        var key = ODataKey.Named(new[]
        {
            new KeyValuePair<string, object>("IsActive", ODataEnumValue.ForFinOps("NoYes", "Yes")),
            new KeyValuePair<string, object>("ValidFrom", new ODataDate(2024, 1, 31)),
            new KeyValuePair<string, object>("At", new DateTimeOffset(2024, 1, 31, 8, 0, 0, TimeSpan.Zero)),
            new KeyValuePair<string, object>("Line", 10.5m),
        });

        Assert.Equal(
            "(IsActive=Microsoft.Dynamics.DataEntities.NoYes'Yes',ValidFrom=2024-01-31,At=2024-01-31T08%3A00%3A00Z,Line=10.5)",
            key.ToPredicate());
    }

    [Fact]
    public void Invalid_names_and_null_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ODataKey.Named("bad name", "x"));
        Assert.Throws<ArgumentNullException>(() => ODataKey.Named("name", null!));
        Assert.Throws<ArgumentException>(() => ODataKeyFormatter.EntityPath("bad/set", ODataKey.Named("a", "x")));
        Assert.Throws<ArgumentException>(() => ODataKey.Named(new[]
        {
            new KeyValuePair<string, object>("a", "x"),
            new KeyValuePair<string, object>("a", "y"),
        }));
    }
}
