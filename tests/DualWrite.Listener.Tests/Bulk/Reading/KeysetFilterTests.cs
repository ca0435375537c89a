using System;
using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.Reading;

namespace DualWrite.Listener.Tests.Bulk.Reading;

public sealed class KeysetFilterTests
{
    private static readonly KeyColumn[] CompanyAndAccount = { new("dataAreaId", FieldType.String), new("CustomerAccount", FieldType.String) };

    [Fact]
    public void One_key_column_is_a_single_greater_than()
    {
        var filter = KeysetFilter.After(new[] { new KeyColumn("accountnumber", FieldType.String) }, new RecordCursor(new[] { "accountnumber" }, new string?[] { "O'Neil" }));
        Assert.Equal("accountnumber gt 'O''Neil'", filter);
    }

    [Fact]
    public void Composite_keys_continue_within_the_same_prefix_or_after_it()
    {
        var filter = KeysetFilter.After(CompanyAndAccount, new RecordCursor(new[] { "dataAreaId", "CustomerAccount" }, new string?[] { "usmf", "US-007" }));
        Assert.Equal("(dataAreaId gt 'usmf') or (dataAreaId eq 'usmf' and CustomerAccount gt 'US-007')", filter);
    }

    [Fact]
    public void A_prefix_value_with_a_star_is_bracketed_because_FinOps_reads_a_star_in_eq_as_a_wildcard()
    {
        var filter = KeysetFilter.After(CompanyAndAccount, new RecordCursor(new[] { "dataAreaId", "CustomerAccount" }, new string?[] { "u*", "US-007" }));
        Assert.Equal("(dataAreaId gt 'u*') or ((dataAreaId ge 'u*' and dataAreaId le 'u*') and CustomerAccount gt 'US-007')", filter);
    }

    [Fact]
    public void Literals_follow_the_column_type_and_null_sorts_first()
    {
        var id = Guid.Parse("0b6e6c0e-3c1e-4a43-9f7d-2f0b8a7f0001");
        var keys = new[] { new KeyColumn("_msdyn_company_value", FieldType.Lookup), new KeyColumn("linenumber", FieldType.Decimal), new KeyColumn("code", FieldType.String) };
        var filter = KeysetFilter.After(keys, new RecordCursor(new[] { "_msdyn_company_value", "linenumber", "code" }, new string?[] { id.ToString(), "2.5", null }));
        Assert.Equal(
            "(_msdyn_company_value gt " + id + ") or (_msdyn_company_value eq " + id + " and linenumber gt 2.5) or (_msdyn_company_value eq " + id + " and linenumber eq 2.5 and code ne null)",
            filter);
    }

    [Fact]
    public void A_cursor_over_other_columns_is_refused()
    {
        Assert.Throws<ArgumentException>(() => KeysetFilter.After(CompanyAndAccount, new RecordCursor(new[] { "CustomerAccount" }, new string?[] { "US-007" })));
    }

    [Fact]
    public void And_parenthesises_present_parts_only()
    {
        Assert.Null(KeysetFilter.And(null, " "));
        Assert.Equal("a eq 1", KeysetFilter.And("a eq 1", null));
        Assert.Equal("(a eq 1) and (b eq 2 or c eq 3)", KeysetFilter.And("a eq 1", "b eq 2 or c eq 3"));
        Assert.Equal("dataAreaId asc,CustomerAccount asc", KeysetFilter.OrderBy(CompanyAndAccount));
    }
}
