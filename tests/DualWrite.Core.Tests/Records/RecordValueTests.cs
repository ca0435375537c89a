using System;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Records;

public class RecordValueTests
{
    [Fact]
    public void Values_are_equal_by_kind_and_value()
    {
        var first = RecordValue.FromString("a");
        var second = RecordValue.FromString("a");
        Assert.Equal(first, second);
        Assert.NotEqual(RecordValue.FromString("a"), RecordValue.FromString("A"));
        Assert.NotEqual(RecordValue.FromDecimal(1m), RecordValue.FromMoney(1m));
        Assert.Equal(RecordValue.FromDecimal(1.0m), RecordValue.FromDecimal(1.00m));
        Assert.Equal(RecordValue.Null, RecordValue.FromString(null));
    }

    [Fact]
    public void A_local_time_is_refused_because_converting_it_depends_on_the_machine()
    {
        Assert.Throws<ArgumentException>(() => RecordValue.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }

    [Fact]
    public void An_unspecified_time_is_taken_as_utc()
    {
        RecordValue.FromDateTime(new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Unspecified)).TryGetDateTime(out var moment);

        Assert.Equal(DateTimeKind.Utc, moment.Kind);
    }

    [Fact]
    public void Values_print_in_the_invariant_culture_for_messages()
    {
        Assert.Equal("1500.25", RecordValue.FromMoney(1500.25m).ToString());
        Assert.Equal("2026-01-31T08:00:00Z", RecordValue.FromDateTime(new DateTime(2026, 1, 31, 8, 0, 0, DateTimeKind.Utc)).ToString());
        Assert.Equal("null", RecordValue.Null.ToString());
        Assert.Equal("msdyn_customergroup(10)", RecordValue.FromLookup(LookupValue.ByKey("msdyn_customergroup", "10")).ToString());
    }

    [Fact]
    public void A_record_tells_an_absent_field_from_a_null_one()
    {
        var record = new DataRecord(new[] { new System.Collections.Generic.KeyValuePair<string, RecordValue>("SalesMemo", RecordValue.Null) }, "usmf");

        Assert.True(record.Contains("SalesMemo"));
        Assert.False(record.Contains("CreditLimit"));
        Assert.Null(record["CreditLimit"]);
        Assert.Equal(RecordValue.Null, record["SalesMemo"]);
        Assert.Equal("usmf", record.Company);
    }

    [Fact]
    public void A_record_refuses_a_field_given_twice()
    {
        var twice = new[]
        {
            new System.Collections.Generic.KeyValuePair<string, RecordValue>("Name", RecordValue.FromString("a")),
            new System.Collections.Generic.KeyValuePair<string, RecordValue>("Name", RecordValue.FromString("b")),
        };

        Assert.Throws<ArgumentException>(() => new DataRecord(twice));
    }
}
