using System;

namespace DualWrite.Core.Maps;

/// <summary>One step of a field's string transforms: trim, upper, lower or max length.</summary>
public sealed class StringTransform
{
    public StringTransform(StringTransformKind kind, MapDirection? direction = null, int maxLength = 0, OverflowBehavior onOverflow = OverflowBehavior.Error)
    {
        if (kind == StringTransformKind.MaxLength && maxLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), "A max-length transform needs a length of at least 1.");
        }

        Kind = kind;
        Direction = direction;
        MaxLength = maxLength;
        OnOverflow = onOverflow;
    }

    public StringTransformKind Kind { get; }

    /// <summary>The way the transform applies; null means every way the field travels.</summary>
    public MapDirection? Direction { get; }

    /// <summary>The maximum length, for <see cref="StringTransformKind.MaxLength"/>.</summary>
    public int MaxLength { get; }

    public OverflowBehavior OnOverflow { get; }

    public bool AppliesTo(SyncDirection way) => Direction is null || Direction.Value.Carries(way);

    /// <summary>False when a value can come out different from how it went in (so a round trip may not be the identity).</summary>
    public bool IsInvertible => Kind == StringTransformKind.MaxLength && OnOverflow == OverflowBehavior.Error;

    public override string ToString() => Kind == StringTransformKind.MaxLength
        ? "maxLength(" + MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + OnOverflow + ")"
        : Kind.ToString();
}
