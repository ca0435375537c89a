using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Transforms;

namespace DualWrite.Core.Tests.Transforms;

public class ValueMapTransformTests
{
    private static readonly ValueMap SalesStatus = new(new[]
    {
        new ValueMapEntry(RecordValue.FromString("None"), RecordValue.FromInteger(192350000)),
        new ValueMapEntry(RecordValue.FromString("Backorder"), RecordValue.FromInteger(192350001)),
        new ValueMapEntry(RecordValue.FromInteger(2), RecordValue.FromInteger(192350002)),
    });

    [Fact]
    public void An_enum_symbol_maps_to_its_choice_value_and_the_choice_maps_back_to_the_symbol()
    {
        var choice = ValueMapTransform.Apply(SalesStatus, RecordValue.FromString("Backorder"), SyncDirection.FinOpsToDataverse);
        var symbol = ValueMapTransform.Apply(SalesStatus, choice.Value!, SyncDirection.DataverseToFinOps);

        Assert.Equal(RecordValue.FromInteger(192350001), choice.Value);
        Assert.Equal(RecordValue.FromString("Backorder"), symbol.Value);
    }

    [Fact]
    public void An_enum_number_matches_an_entry_written_as_a_number()
    {
        var choice = ValueMapTransform.Apply(SalesStatus, RecordValue.FromInteger(2), SyncDirection.FinOpsToDataverse);

        Assert.Equal(RecordValue.FromInteger(192350002), choice.Value);
    }

    [Fact]
    public void A_choice_read_as_a_decimal_still_matches_its_entry()
    {
        var symbol = ValueMapTransform.Apply(SalesStatus, RecordValue.FromDecimal(192350000m), SyncDirection.DataverseToFinOps);

        Assert.Equal(RecordValue.FromString("None"), symbol.Value);
    }

    [Fact]
    public void A_value_without_an_entry_is_an_error_never_a_silent_null()
    {
        var result = ValueMapTransform.Apply(SalesStatus, RecordValue.FromString("Invoiced"), SyncDirection.FinOpsToDataverse);

        Assert.False(result.Succeeded);
        Assert.Equal("has no entry in the value map", result.Error);
    }

    [Fact]
    public void A_declared_default_stands_in_for_a_value_without_an_entry_in_its_direction_only()
    {
        var withDefault = new ValueMap(SalesStatus.Entries, defaultToFinOps: null, defaultToDataverse: RecordValue.FromInteger(192350000));

        Assert.Equal(RecordValue.FromInteger(192350000), ValueMapTransform.Apply(withDefault, RecordValue.FromString("Invoiced"), SyncDirection.FinOpsToDataverse).Value);
        Assert.False(ValueMapTransform.Apply(withDefault, RecordValue.FromInteger(1), SyncDirection.DataverseToFinOps).Succeeded);
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Equal(RecordValue.Null, ValueMapTransform.Apply(SalesStatus, RecordValue.Null, SyncDirection.FinOpsToDataverse).Value);
    }
}
