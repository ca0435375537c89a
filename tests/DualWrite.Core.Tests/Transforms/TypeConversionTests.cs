using System;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Transforms;

namespace DualWrite.Core.Tests.Transforms;

public class TypeConversionTests
{
    [Fact]
    public void A_decimal_becomes_money_and_money_becomes_the_same_decimal()
    {
        var money = TypeConversion.Convert(RecordValue.FromDecimal(1500.25m), FieldType.Decimal, FieldType.Money);
        var back = TypeConversion.Convert(money.Value!, FieldType.Money, FieldType.Decimal);

        Assert.Equal(RecordValue.FromMoney(1500.25m), money.Value);
        Assert.Equal(RecordValue.FromDecimal(1500.25m), back.Value);
    }

    [Fact]
    public void An_integer_widens_to_decimal_and_a_whole_decimal_narrows_back()
    {
        var widened = TypeConversion.Convert(RecordValue.FromInteger(42), FieldType.Int, FieldType.Decimal);
        var narrowed = TypeConversion.Convert(widened.Value!, FieldType.Decimal, FieldType.Int);

        Assert.Equal(RecordValue.FromDecimal(42m), widened.Value);
        Assert.Equal(RecordValue.FromInteger(42), narrowed.Value);
    }

    [Fact]
    public void A_fraction_is_an_error_in_an_int_field_never_rounded()
    {
        var result = TypeConversion.Convert(RecordValue.FromDecimal(12.5m), FieldType.Decimal, FieldType.Int);

        Assert.False(result.Succeeded);
        Assert.Equal("is not a whole number and cannot be written to an int field without rounding", result.Error);
    }

    [Fact]
    public void A_number_outside_the_32_bit_range_is_an_error_in_an_int_field_but_fits_a_long()
    {
        var big = RecordValue.FromInteger(3_000_000_000);

        Assert.StartsWith("is outside the range of an int field", TypeConversion.Convert(big, FieldType.Long, FieldType.Int).Error, StringComparison.Ordinal);
        Assert.Equal(big, TypeConversion.Convert(big, FieldType.Long, FieldType.Long).Value);
    }

    [Fact]
    public void A_datetime_at_midnight_becomes_a_date_and_one_with_a_time_of_day_is_an_error()
    {
        var midnight = RecordValue.FromDateTime(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc));
        var morning = RecordValue.FromDateTime(new DateTime(2026, 1, 31, 8, 0, 0, DateTimeKind.Utc));

        Assert.Equal(midnight, TypeConversion.Convert(midnight, FieldType.DateTime, FieldType.Date).Value);
        Assert.Equal("has a time of day and cannot be written to a date field without losing it", TypeConversion.Convert(morning, FieldType.DateTime, FieldType.Date).Error);
    }

    [Fact]
    public void A_source_date_keeps_its_day_and_drops_its_meaningless_time()
    {
        var noon = RecordValue.FromDateTime(new DateTime(2026, 1, 31, 12, 0, 0, DateTimeKind.Utc));

        var result = TypeConversion.Convert(noon, FieldType.Date, FieldType.Date);

        Assert.Equal(RecordValue.FromDateTime(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc)), result.Value);
    }

    [Fact]
    public void A_source_date_becomes_midnight_utc_in_a_datetime_field()
    {
        var noon = RecordValue.FromDateTime(new DateTime(2026, 1, 31, 12, 0, 0, DateTimeKind.Utc));

        var result = TypeConversion.Convert(noon, FieldType.Date, FieldType.DateTime);

        Assert.Equal(RecordValue.FromDateTime(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc)), result.Value);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_an_error_naming_the_declared_type()
    {
        var result = TypeConversion.Convert(RecordValue.FromString("lots"), FieldType.Decimal, FieldType.Money);

        Assert.Equal("holds a string where the map declares decimal", result.Error);
    }

    [Theory]
    [InlineData(FieldType.Enum, FieldType.Choice)]
    [InlineData(FieldType.Choice, FieldType.Enum)]
    [InlineData(FieldType.Bool, FieldType.Int)]
    [InlineData(FieldType.String, FieldType.Decimal)]
    [InlineData(FieldType.Guid, FieldType.String)]
    [InlineData(FieldType.Date, FieldType.String)]
    public void Types_that_would_lose_or_invent_information_cannot_be_copied(FieldType from, FieldType to)
    {
        Assert.False(TypeConversion.CanCopy(from, to));
    }

    [Theory]
    [InlineData(FieldType.String, FieldType.String)]
    [InlineData(FieldType.Enum, FieldType.String)]
    [InlineData(FieldType.Decimal, FieldType.Money)]
    [InlineData(FieldType.Int, FieldType.Choice)]
    [InlineData(FieldType.Date, FieldType.DateTime)]
    [InlineData(FieldType.Guid, FieldType.Guid)]
    [InlineData(FieldType.Bool, FieldType.Bool)]
    public void Types_of_one_family_can_be_copied_both_ways(FieldType from, FieldType to)
    {
        Assert.True(TypeConversion.CanCopy(from, to));
        Assert.True(TypeConversion.CanCopy(to, from));
    }

    [Fact]
    public void Null_converts_to_null()
    {
        Assert.Equal(RecordValue.Null, TypeConversion.Convert(RecordValue.Null, FieldType.Decimal, FieldType.Int).Value);
    }

    [Fact]
    public void A_guid_and_a_boolean_copy_unchanged()
    {
        var id = RecordValue.FromGuid(Guid.Parse("6a3c1f9e-0000-4000-8000-000000000001"));

        Assert.Equal(id, TypeConversion.Convert(id, FieldType.Guid, FieldType.Guid).Value);
        Assert.Equal(RecordValue.FromBoolean(true), TypeConversion.Convert(RecordValue.FromBoolean(true), FieldType.Bool, FieldType.Bool).Value);
    }
}
