using System;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

public class ODataLiteralTests
{
    public static TheoryData<object?, string> Formats => new()
    {
        { null, "null" },
        { "O'Neil", "'O''Neil'" },
        { "", "''" },
        { true, "true" },
        { false, "false" },
        { new Guid("0123ABCD-89ab-cdef-0123-456789abcdef"), "0123abcd-89ab-cdef-0123-456789abcdef" },
        { 42, "42" },
        { -9223372036854775808L, "-9223372036854775808" },
        { 12.50m, "12.50" },
        { 0.1d, "0.1" },
        { double.PositiveInfinity, "INF" },
        { double.NaN, "NaN" },
        { new DateTimeOffset(2024, 5, 1, 15, 45, 0, TimeSpan.FromHours(2)), "2024-05-01T13:45:00Z" },
        { new DateTimeOffset(2024, 5, 1, 13, 45, 0, 120, TimeSpan.Zero), "2024-05-01T13:45:00.12Z" },
        { new DateTime(2024, 5, 1, 13, 45, 0, DateTimeKind.Unspecified), "2024-05-01T13:45:00Z" },
        { new ODataDate(2024, 2, 29), "2024-02-29" },
        { ODataEnumValue.ForFinOps("NoYes", "Yes"), "Microsoft.Dynamics.DataEntities.NoYes'Yes'" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Values_are_written_in_odata_literal_form(object? value, string expected)
    {
        Assert.Equal(expected, ODataLiteral.Format(value));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_written_literal_parses_back(object? value, string text)
    {
        Assert.True(ODataLiteral.TryParse(text, out var parsed), text);
        Assert.Equal(KeyValues.Normalize(value), KeyValues.Normalize(parsed));
    }

    [Fact]
    public void Numbers_parse_as_long_when_integral_then_decimal_then_double()
    {
        Assert.True(ODataLiteral.TryParse("42", out var l));
        Assert.True(ODataLiteral.TryParse("99999999999999999999", out var big));
        Assert.True(ODataLiteral.TryParse("1.50", out var m));
        Assert.True(ODataLiteral.TryParse("1e300", out var d));

        Assert.Equal(42L, l);
        Assert.Equal(99999999999999999999m, big);
        Assert.Equal("1.50", ((decimal)m!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1e300, d);
    }

    [Fact]
    public void A_date_time_offset_literal_keeps_its_offset_and_needs_one()
    {
        Assert.True(ODataLiteral.TryParse("2024-05-01T15:45:00+02:00", out var withOffset));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 15, 45, 0, TimeSpan.FromHours(2)), withOffset);
        Assert.False(ODataLiteral.TryParse("2024-05-01T15:45:00", out _));
    }

    [Theory]
    [InlineData("'unterminated")]
    [InlineData("'a'b'")]
    [InlineData("Yes")]
    [InlineData("01.")]
    [InlineData("2024-13-01")]
    [InlineData("0123abcd-89ab-cdef-0123-456789abcdeg")]
    [InlineData(".NoYes'Yes'")]
    [InlineData("")]
    public void Text_that_is_not_one_literal_is_refused(string text)
    {
        Assert.False(ODataLiteral.TryParse(text, out _));
    }

    [Fact]
    public void An_unsupported_type_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ODataLiteral.Format(new object()));

        Assert.Contains("System.Object", error.Message, StringComparison.Ordinal);
    }
}
