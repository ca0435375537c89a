using System;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Transforms;

/// <summary>Looks a source value up in a value map, in either direction; exhaustive unless a default is declared.</summary>
public static class ValueMapTransform
{
    public static TransformResult Apply(ValueMap valueMap, RecordValue value, SyncDirection way)
    {
        if (valueMap is null)
        {
            throw new ArgumentNullException(nameof(valueMap));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.IsNull)
        {
            return TransformResult.Success(value);
        }

        foreach (var entry in valueMap.Entries)
        {
            if (Matches(entry.SourceFor(way), value))
            {
                return TransformResult.Success(entry.TargetFor(way));
            }
        }

        var fallback = valueMap.DefaultFor(way);
        return fallback is not null
            ? TransformResult.Success(fallback)
            : TransformResult.Failure("has no entry in the value map");
    }

    /// <summary>
    /// Literal equality, with numbers compared by value whatever their kind (a choice read as a decimal
    /// still matches 192350001); an enum symbol matches symbols only, an enum number numbers only.
    /// </summary>
    internal static bool Matches(RecordValue literal, RecordValue value)
    {
        if (literal.TryGetNumber(out var left) && value.TryGetNumber(out var right))
        {
            return left == right;
        }

        return literal.Equals(value);
    }
}
