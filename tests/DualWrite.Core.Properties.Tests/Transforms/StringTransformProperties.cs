using System.Text;
using CsCheck;
using DualWrite.Core.Maps;
using DualWrite.Core.Properties.Tests.Generators;
using DualWrite.Core.Records;
using DualWrite.Core.Transforms;

namespace DualWrite.Core.Properties.Tests.Transforms;

/// <summary>
/// String transforms on any text: maxLength keeps what fits and refuses or cuts the rest without ever cutting
/// a surrogate pair in half (a lone surrogate has no UTF-8 form, so neither service could store it); every
/// transform applied twice gives what it gave once.
/// </summary>
public class StringTransformProperties
{
    private static readonly Gen<StringTransform> Transform = Gen.Int[0, 4].SelectMany(kind => kind switch
    {
        0 => Gen.Const(new StringTransform(StringTransformKind.Trim)),
        1 => Gen.Const(new StringTransform(StringTransformKind.Upper)),
        2 => Gen.Const(new StringTransform(StringTransformKind.Lower)),
        3 => Gen.Int[1, 12].Select(n => new StringTransform(StringTransformKind.MaxLength, maxLength: n, onOverflow: OverflowBehavior.Truncate)),
        _ => Gen.Int[1, 12].Select(n => new StringTransform(StringTransformKind.MaxLength, maxLength: n, onOverflow: OverflowBehavior.Error)),
    });

    [Fact]
    public void Max_length_keeps_what_fits_and_never_splits_a_surrogate_pair()
    {
        Gen.Select(KeyStrings.Of(0, 24), Gen.Int[1, 12], Gen.Bool).Sample(
            (text, max, truncate) =>
            {
                var transform = new StringTransform(StringTransformKind.MaxLength, maxLength: max, onOverflow: truncate ? OverflowBehavior.Truncate : OverflowBehavior.Error);
                var result = StringTransformer.Apply([transform], RecordValue.FromString(text), SyncDirection.DataverseToFinOps);
                if (text.Length <= max)
                {
                    Assert.Equal(RecordValue.FromString(text), result.Value);
                    return;
                }

                if (!truncate)
                {
                    Assert.False(result.Succeeded);
                    Assert.Contains(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error);
                    return;
                }

                Assert.True(result.Value!.TryGetString(out var cut));
                Assert.StartsWith(cut, text, System.StringComparison.Ordinal);
                Assert.True(cut.Length <= max && cut.Length >= max - 1, "cut to " + cut.Length + " of at most " + max);
                Assert.True(IsWellFormed(cut), "the cut left a lone surrogate: " + Printed.Literal(cut));
            },
            iter: 5000,
            print: c => Printed.Literal(c.Item1) + " max " + c.Item2 + (c.Item3 ? " truncate" : " error"));
    }

    [Fact]
    public void Every_transform_applied_twice_gives_what_it_gave_once()
    {
        Gen.Select(KeyStrings.Of(0, 24), Transform).Sample(
            (text, transform) =>
            {
                var once = StringTransformer.Apply([transform], RecordValue.FromString(text), SyncDirection.FinOpsToDataverse);
                if (!once.Succeeded)
                {
                    return;
                }

                var twice = StringTransformer.Apply([transform], once.Value!, SyncDirection.FinOpsToDataverse);
                Assert.True(twice.Succeeded, twice.Error);
                Assert.Equal(once.Value, twice.Value);
            },
            iter: 5000,
            print: c => Printed.Literal(c.Item1) + " " + c.Item2);
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);
            return true;
        }
        catch (System.ArgumentException)
        {
            return false;
        }
    }
}
