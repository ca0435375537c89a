using System;
using System.Globalization;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Transforms;

/// <summary>
/// Copy with type conversion between the two sides' declared types, only where nothing can be lost or
/// invented: a fraction or an out-of-range number is an error, never rounded. Every conversion here
/// has an inverse that gives the original value back (the round-trip guarantee).
/// </summary>
public static class TypeConversion
{
    private enum TypeFamily
    {
        Text,
        Number,
        Boolean,
        Temporal,
        Identifier,
        Reference,
    }

    /// <summary>True when a plain copy may carry a <paramref name="from"/> value into a <paramref name="to"/> field.</summary>
    public static bool CanCopy(FieldType from, FieldType to)
    {
        // Enum and choice numbers never align by accident: that pair needs a value map.
        if ((from == FieldType.Enum && to == FieldType.Choice) || (from == FieldType.Choice && to == FieldType.Enum))
        {
            return false;
        }

        return FamilyOf(from) == FamilyOf(to) && FamilyOf(from) != TypeFamily.Reference;
    }

    /// <summary>True when a record value of this kind may stand in a field declared as <paramref name="type"/>.</summary>
    public static bool Fits(RecordValue value, FieldType type)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return value.Kind switch
        {
            RecordValueKind.Null => true,
            RecordValueKind.String => type is FieldType.String or FieldType.Enum,
            RecordValueKind.Integer => type is FieldType.Int or FieldType.Long or FieldType.Decimal or FieldType.Money or FieldType.Choice or FieldType.Enum,
            RecordValueKind.Decimal or RecordValueKind.Money => type is FieldType.Decimal or FieldType.Money or FieldType.Int or FieldType.Long or FieldType.Choice,
            RecordValueKind.Boolean => type == FieldType.Bool,
            RecordValueKind.DateTime => type is FieldType.Date or FieldType.DateTime,
            RecordValueKind.Guid => type == FieldType.Guid,
            RecordValueKind.Lookup => type == FieldType.Lookup,
            _ => false,
        };
    }

    /// <summary>Converts a source value of declared type <paramref name="from"/> to the target type <paramref name="to"/>.</summary>
    public static TransformResult Convert(RecordValue value, FieldType from, FieldType to)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (!Fits(value, from))
        {
            return TransformResult.Failure("holds " + KindName(value.Kind) + " where the map declares " + TypeName(from));
        }

        if (value.IsNull)
        {
            return TransformResult.Success(value);
        }

        if (!CanCopy(from, to))
        {
            return TransformResult.Failure("cannot be converted from " + TypeName(from) + " to " + TypeName(to));
        }

        if (from == FieldType.Date && value.TryGetDateTime(out var day))
        {
            // A source date's time part carries no meaning (F&O sends dates at 12:00): keep the day only.
            value = RecordValue.FromDateTime(day.Date);
        }

        return to switch
        {
            FieldType.String => ToText(value, to),
            FieldType.Enum => value.Kind == RecordValueKind.String ? TransformResult.Success(value) : ToInteger(value, to, int.MinValue, int.MaxValue),
            FieldType.Int or FieldType.Choice => ToInteger(value, to, int.MinValue, int.MaxValue),
            FieldType.Long => ToInteger(value, to, long.MinValue, long.MaxValue),
            FieldType.Decimal => ToNumber(value, money: false),
            FieldType.Money => ToNumber(value, money: true),
            FieldType.Bool or FieldType.Guid or FieldType.DateTime => TransformResult.Success(value),
            FieldType.Date => ToDate(value),
            _ => TransformResult.Failure("cannot be converted to " + TypeName(to)),
        };
    }

    /// <summary>The type name as map files spell it.</summary>
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.DateTime => "datetime",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>A value kind with its article, for messages: "a string", "an integer".</summary>
    internal static string KindName(RecordValueKind kind) => WithArticle(kind switch
    {
        RecordValueKind.DateTime => "date/time",
        RecordValueKind.Boolean => "bool",
        RecordValueKind.Money => "money amount",
        _ => kind.ToString().ToLowerInvariant(),
    });

    /// <summary>"an int", "a decimal": messages read as sentences.</summary>
    internal static string WithArticle(string noun) => ("aeiou".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;

    private static TypeFamily FamilyOf(FieldType type) => type switch
    {
        FieldType.String or FieldType.Enum => TypeFamily.Text,
        FieldType.Int or FieldType.Long or FieldType.Decimal or FieldType.Money or FieldType.Choice => TypeFamily.Number,
        FieldType.Bool => TypeFamily.Boolean,
        FieldType.Date or FieldType.DateTime => TypeFamily.Temporal,
        FieldType.Guid => TypeFamily.Identifier,
        _ => TypeFamily.Reference,
    };

    private static TransformResult ToText(RecordValue value, FieldType to) => value.Kind == RecordValueKind.String
        ? TransformResult.Success(value)
        : TransformResult.Failure("is an enum number, not a symbol, and cannot be written to " + WithArticle(TypeName(to)) + " field");

    private static TransformResult ToInteger(RecordValue value, FieldType to, long min, long max)
    {
        if (!value.TryGetNumber(out var number))
        {
            return TransformResult.Failure("is not a number");
        }

        if (decimal.Truncate(number) != number)
        {
            return TransformResult.Failure("is not a whole number and cannot be written to " + WithArticle(TypeName(to)) + " field without rounding");
        }

        if (number < min || number > max)
        {
            return TransformResult.Failure("is outside the range of " + WithArticle(TypeName(to)) + " field ("
                + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + ")");
        }

        return TransformResult.Success(RecordValue.FromInteger((long)number));
    }

    private static TransformResult ToNumber(RecordValue value, bool money)
    {
        if (!value.TryGetNumber(out var number))
        {
            return TransformResult.Failure("is not a number");
        }

        return TransformResult.Success(money ? RecordValue.FromMoney(number) : RecordValue.FromDecimal(number));
    }

    private static TransformResult ToDate(RecordValue value)
    {
        value.TryGetDateTime(out var moment);
        return moment.TimeOfDay == TimeSpan.Zero
            ? TransformResult.Success(value)
            : TransformResult.Failure("has a time of day and cannot be written to a date field without losing it");
    }
}
