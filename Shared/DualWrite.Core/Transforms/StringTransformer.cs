using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Transforms;

/// <summary>Runs a field's string transforms, in order, on a value travelling one way.</summary>
public static class StringTransformer
{
    public static TransformResult Apply(IReadOnlyList<StringTransform> transforms, RecordValue value, SyncDirection way)
    {
        if (transforms is null)
        {
            throw new ArgumentNullException(nameof(transforms));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (transforms.Count == 0 || !value.TryGetString(out var text))
        {
            // Null stays null; the loader only lets string transforms onto string fields.
            return TransformResult.Success(value);
        }

        foreach (var transform in transforms)
        {
            if (!transform.AppliesTo(way))
            {
                continue;
            }

            switch (transform.Kind)
            {
                case StringTransformKind.Trim:
                    text = text.Trim();
                    break;
                case StringTransformKind.Upper:
                    text = text.ToUpperInvariant();
                    break;
                case StringTransformKind.Lower:
                    text = text.ToLowerInvariant();
                    break;
                case StringTransformKind.MaxLength when text.Length > transform.MaxLength:
                    if (transform.OnOverflow == OverflowBehavior.Error)
                    {
                        return TransformResult.Failure(string.Format(
                            CultureInfo.InvariantCulture,
                            "is {0} characters long, more than the maximum of {1}",
                            text.Length,
                            transform.MaxLength));
                    }

                    text = text.Substring(0, CutPoint(text, transform.MaxLength));
                    break;
            }
        }

        return TransformResult.Success(RecordValue.FromString(text));
    }

    /// <summary>
    /// Where to cut to keep at most <paramref name="maxLength"/> UTF-16 units: one earlier when the cut would
    /// split a surrogate pair, whose lone half has no UTF-8 form and could be stored by neither service.
    /// </summary>
    private static int CutPoint(string text, int maxLength) =>
        maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) && char.IsLowSurrogate(text[maxLength]) ? maxLength - 1 : maxLength;
}
