using System;
using System.Collections.Generic;
using DualWrite.Core.Events;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Events;

public sealed class FinOpsChangeEventJsonTests
{
    private static FinOpsChangeEvent Sample() => new(
        "2f6a1e0c-3b7e-4a51-9f0e-1c2d3e4f5a6b",
        5637144577,
        new DateTime(2026, 11, 22, 8, 30, 15, 123, DateTimeKind.Utc),
        "usmf",
        "CustomersV3",
        ChangeOperation.Update,
        ODataKey.Named(new[]
        {
            new KeyValuePair<string, object>("dataAreaId", "usmf"),
            new KeyValuePair<string, object>("CustomerAccount", "O'Brien/#1 ünï"),
        }));

    [Fact]
    public void An_event_survives_a_write_and_parse_round_trip_with_a_hostile_key()
    {
        var json = FinOpsChangeEventJson.Write(Sample());

        Assert.True(FinOpsChangeEventJson.TryParse(json, out var parsed, out var errors), string.Join("; ", errors));
        Assert.Equal("2f6a1e0c-3b7e-4a51-9f0e-1c2d3e4f5a6b", parsed!.EventId);
        Assert.Equal(5637144577, parsed.ControlNumber);
        Assert.Equal(new DateTime(2026, 11, 22, 8, 30, 15, 123, DateTimeKind.Utc), parsed.EventTimeUtc);
        Assert.Equal(ChangeOperation.Update, parsed.Operation);
        Assert.Equal("O'Brien/#1 ünï", parsed.EntityKey.Parts[1].Value);
        Assert.Equal(Sample().ContextRecordSubject, parsed.ContextRecordSubject);
    }

    [Fact]
    public void Event_time_is_written_as_milliseconds_since_1970_in_the_Date_form()
    {
        Assert.Equal("/Date(1696000000000)/", FinOpsChangeEventJson.FormatDate(new DateTime(2023, 9, 29, 15, 6, 40, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2023, 9, 29, 15, 6, 40, DateTimeKind.Utc), FinOpsChangeEventJson.ParseDate("/Date(1696000000000)/"));
    }

    [Theory]
    [InlineData("/Date(99999999999999999)/")]
    [InlineData("/Date(253402300800000)/")]
    [InlineData("/Date(-62135596800001)/")]
    [InlineData("/Date(999999999999999999999999)/")]
    public void An_event_time_outside_the_years_1_to_9999_is_a_problem_naming_the_field_and_value_not_an_exception(string eventTime)
    {
        var json = FinOpsChangeEventJson.Write(Sample()).Replace(FinOpsChangeEventJson.FormatDate(Sample().EventTimeUtc), eventTime, StringComparison.Ordinal);

        Assert.Null(FinOpsChangeEventJson.ParseDate(eventTime));
        Assert.False(FinOpsChangeEventJson.TryParse(json, out var parsed, out var errors));
        Assert.Null(parsed);
        var error = Assert.Single(errors);
        Assert.Equal("EventTime '" + eventTime + "' is out of range: F&O dates fall between the years 1 and 9999.", error);
    }

    [Fact]
    public void The_first_and_last_milliseconds_of_the_date_range_still_parse()
    {
        Assert.Equal(DateTime.MinValue, FinOpsChangeEventJson.ParseDate("/Date(-62135596800000)/"));
        Assert.Equal(new DateTime(9999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc), FinOpsChangeEventJson.ParseDate("/Date(253402300799999)/"));
    }

    [Theory]
    [InlineData("/Date()/")]
    [InlineData("/Date(-)/")]
    [InlineData("/Date(12a)/")]
    [InlineData("/Date(")]
    public void An_event_time_that_is_not_in_the_Date_form_says_so(string eventTime)
    {
        var json = FinOpsChangeEventJson.Write(Sample()).Replace(FinOpsChangeEventJson.FormatDate(Sample().EventTimeUtc), eventTime, StringComparison.Ordinal);

        Assert.False(FinOpsChangeEventJson.TryParse(json, out _, out var errors));
        Assert.Equal("EventTime '" + eventTime + "' is not an F&O date (/Date(milliseconds)/).", Assert.Single(errors));
    }

    [Fact]
    public void Every_problem_in_a_bad_event_is_reported_at_once()
    {
        const string json = "{\"BusinessEventId\":\"X\",\"EventId\":\"\",\"ControlNumber\":\"abc\",\"EventTime\":\"yesterday\",\"Operation\":\"Upsert\",\"EntitySet\":\"CustomersV3\",\"EntityKey\":\"(dataAreaId='usmf'\"}";

        Assert.False(FinOpsChangeEventJson.TryParse(json, out var parsed, out var errors));
        Assert.Null(parsed);
        Assert.Contains(errors, e => e.StartsWith("EventId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("BusinessEventLegalEntity is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ControlNumber must be an integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'yesterday'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'Upsert'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EntityKey", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void A_body_that_is_not_json_is_an_error_with_its_position()
    {
        Assert.False(FinOpsChangeEventJson.TryParse("{\"EventId\": ", out _, out var errors));
        Assert.Contains("line 1", Assert.Single(errors), StringComparison.Ordinal);
    }
}
