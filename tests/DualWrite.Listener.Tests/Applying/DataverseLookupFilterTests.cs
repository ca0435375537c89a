using System;
using DualWrite.Core.Keys;
using DualWrite.Listener.Applying;

namespace DualWrite.Listener.Tests.Applying;

/// <summary>The fallback $filter for a key spells its literals as Core's ODataLiteral does in the key itself.</summary>
public sealed class DataverseLookupFilterTests
{
    [Fact]
    public void A_string_with_a_quote_is_doubled_and_a_guid_is_bare()
    {
        var key = ODataKey.Named(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, object>("name", "O'Brien"),
            new System.Collections.Generic.KeyValuePair<string, object>("_msdyn_company_value", new Guid("c27a0e6f-c6eb-f230-1dda-5f1cf365e619")),
        });

        Assert.Equal("name eq 'O''Brien' and _msdyn_company_value eq c27a0e6f-c6eb-f230-1dda-5f1cf365e619", DataverseLookupResolver.FilterFor(key));
    }

    [Fact]
    public void Dates_and_enums_are_spelled_as_in_keys()
    {
        Assert.Equal("d eq 2024-05-01", DataverseLookupResolver.FilterFor(ODataKey.Named("d", new ODataDate(2024, 5, 1))));
        Assert.Equal("t eq 2024-05-01T13:45:00Z", DataverseLookupResolver.FilterFor(ODataKey.Named("t", new DateTimeOffset(2024, 5, 1, 15, 45, 0, TimeSpan.FromHours(2)))));
        Assert.Equal("e eq Microsoft.Dynamics.DataEntities.NoYes'Yes'", DataverseLookupResolver.FilterFor(ODataKey.Named("e", ODataEnumValue.ForFinOps("NoYes", "Yes"))));
        Assert.Equal("n eq 12.5", DataverseLookupResolver.FilterFor(ODataKey.Named("n", 12.5m)));
    }
}
