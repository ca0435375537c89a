using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Transforms;

namespace DualWrite.Core.Tests.Transforms;

public class StringTransformerTests
{
    private static TransformResult Apply(string? text, SyncDirection way, params StringTransform[] transforms) =>
        StringTransformer.Apply(transforms, RecordValue.FromString(text), way);

    [Fact]
    public void Trim_then_upper_case_run_in_order()
    {
        var result = Apply("  us-001 ", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.Trim), new StringTransform(StringTransformKind.Upper));

        Assert.Equal(RecordValue.FromString("US-001"), result.Value);
    }

    [Fact]
    public void Lower_case_uses_the_invariant_culture()
    {
        Assert.Equal(RecordValue.FromString("en-us"), Apply("EN-US", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.Lower)).Value);
    }

    [Fact]
    public void A_value_longer_than_max_length_is_an_error_when_the_map_says_error()
    {
        var result = Apply("Contoso Pharmaceuticals", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.MaxLength, maxLength: 10, onOverflow: OverflowBehavior.Error));

        Assert.Equal("is 23 characters long, more than the maximum of 10", result.Error);
    }

    [Fact]
    public void A_value_longer_than_max_length_is_cut_when_the_map_says_truncate()
    {
        var result = Apply("Contoso Pharmaceuticals", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.MaxLength, maxLength: 10, onOverflow: OverflowBehavior.Truncate));

        Assert.Equal(RecordValue.FromString("Contoso Ph"), result.Value);
    }

    [Fact]
    public void Truncating_never_splits_a_surrogate_pair()
    {
        // Shrunk from StringTransformProperties: a cut after the high half left a lone surrogate (no UTF-8 form).
        var result = Apply("\uda6e\udd4f\u0085", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.MaxLength, maxLength: 1, onOverflow: OverflowBehavior.Truncate));

        Assert.Equal(RecordValue.FromString(string.Empty), result.Value);
        Assert.Equal(RecordValue.FromString("ab"), Apply("ab😀c", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.MaxLength, maxLength: 3, onOverflow: OverflowBehavior.Truncate)).Value);
        Assert.Equal(RecordValue.FromString("ab😀"), Apply("ab😀c", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.MaxLength, maxLength: 4, onOverflow: OverflowBehavior.Truncate)).Value);
    }

    [Fact]
    public void A_value_within_max_length_passes_unchanged()
    {
        var result = Apply("Contoso", SyncDirection.DataverseToFinOps, new StringTransform(StringTransformKind.MaxLength, maxLength: 10, onOverflow: OverflowBehavior.Error));

        Assert.Equal(RecordValue.FromString("Contoso"), result.Value);
    }

    [Fact]
    public void A_transform_limited_to_one_direction_is_skipped_the_other_way()
    {
        var upperToFinOps = new StringTransform(StringTransformKind.Upper, MapDirection.DataverseToFinOps);

        Assert.Equal(RecordValue.FromString("abc"), Apply("abc", SyncDirection.FinOpsToDataverse, upperToFinOps).Value);
        Assert.Equal(RecordValue.FromString("ABC"), Apply("abc", SyncDirection.DataverseToFinOps, upperToFinOps).Value);
    }

    [Fact]
    public void Null_passes_through_every_transform()
    {
        Assert.Equal(RecordValue.Null, Apply(null, SyncDirection.FinOpsToDataverse, new StringTransform(StringTransformKind.Trim)).Value);
    }

    [Fact]
    public void Only_max_length_with_an_error_is_invertible()
    {
        Assert.True(new StringTransform(StringTransformKind.MaxLength, maxLength: 5, onOverflow: OverflowBehavior.Error).IsInvertible);
        Assert.False(new StringTransform(StringTransformKind.MaxLength, maxLength: 5, onOverflow: OverflowBehavior.Truncate).IsInvertible);
        Assert.False(new StringTransform(StringTransformKind.Trim).IsInvertible);
        Assert.False(new StringTransform(StringTransformKind.Upper).IsInvertible);
        Assert.False(new StringTransform(StringTransformKind.Lower).IsInvertible);
    }
}
