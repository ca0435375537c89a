using System;
using System.Collections.Generic;
using System.Globalization;

namespace DualWrite.Core.Properties.Tests.Filters;

/// <summary>
/// A filter written independently of Core's filter types: its own text rendering (minimal parentheses by
/// precedence, random spacing) and its own plain evaluation of the OData rules the README states
/// (null eq null, ordered comparisons with null false, Kleene and/or/not over a null boolean field).
/// </summary>
internal abstract record ReferenceFilter
{
    /// <summary>The OData text; <paramref name="spacing"/> picks between separators.</summary>
    public abstract string Render(int parentPrecedence, Func<string> spacing);

    /// <summary>True, false, or null for unknown.</summary>
    public abstract bool? Evaluate(IReadOnlyDictionary<string, object?> record);
}

/// <summary><c>field op literal</c> or <c>literal op field</c>; both sides of the same type family.</summary>
internal sealed record ReferenceComparison(string Field, string Operator, object? Literal, bool LiteralFirst) : ReferenceFilter
{
    public override string Render(int parentPrecedence, Func<string> spacing)
    {
        var literal = LiteralText(Literal);
        return LiteralFirst
            ? literal + spacing() + Operator + spacing() + Field
            : Field + spacing() + Operator + spacing() + literal;
    }

    public override bool? Evaluate(IReadOnlyDictionary<string, object?> record)
    {
        var field = record[Field];
        var (left, right) = LiteralFirst ? (Literal, field) : (field, Literal);
        var op = Operator;
        if (left is null || right is null)
        {
            return op switch
            {
                "eq" => left is null && right is null,
                "ne" => !(left is null && right is null),
                _ => false,
            };
        }

        var order = Compare(left, right);
        return op switch
        {
            "eq" => order == 0,
            "ne" => order != 0,
            "gt" => order > 0,
            "ge" => order >= 0,
            "lt" => order < 0,
            _ => order <= 0,
        };
    }

    public static string LiteralText(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException("No literal for " + value.GetType()),
    };

    private static int Compare(object left, object right) => (left, right) switch
    {
        (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
        (bool a, bool b) => a.CompareTo(b),
        (Guid a, Guid b) => a == b ? 0 : 1,
        (DateTimeOffset a, DateTimeOffset b) => a.UtcTicks.CompareTo(b.UtcTicks),
        _ => Convert.ToDecimal(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(right, CultureInfo.InvariantCulture)),
    };
}

/// <summary><c>left and right</c> / <c>left or right</c>.</summary>
internal sealed record ReferenceLogical(ReferenceFilter Left, bool IsAnd, ReferenceFilter Right) : ReferenceFilter
{
    public override string Render(int parentPrecedence, Func<string> spacing)
    {
        var precedence = IsAnd ? 2 : 1;
        var text = Left.Render(precedence, spacing) + spacing() + (IsAnd ? "and" : "or") + spacing() + Right.Render(precedence, spacing);
        return precedence < parentPrecedence ? "(" + text + ")" : text;
    }

    public override bool? Evaluate(IReadOnlyDictionary<string, object?> record)
    {
        var left = Left.Evaluate(record);
        var right = Right.Evaluate(record);
        if (IsAnd)
        {
            return left == false || right == false ? false : left == true && right == true ? true : null;
        }

        return left == true || right == true ? true : left == false && right == false ? false : null;
    }
}

/// <summary><c>not (operand)</c>: always parenthesised, as the README asks of text sent to a service.</summary>
internal sealed record ReferenceNot(ReferenceFilter Operand) : ReferenceFilter
{
    public override string Render(int parentPrecedence, Func<string> spacing) => "not" + spacing() + "(" + Operand.Render(0, spacing) + ")";

    public override bool? Evaluate(IReadOnlyDictionary<string, object?> record) => Operand.Evaluate(record) is { } value ? !value : null;
}

/// <summary>A bare boolean field as a condition: unknown when it is null.</summary>
internal sealed record ReferenceBooleanField(string Field) : ReferenceFilter
{
    public override string Render(int parentPrecedence, Func<string> spacing) => Field;

    public override bool? Evaluate(IReadOnlyDictionary<string, object?> record) => (bool?)record[Field];
}

/// <summary>Extra parentheses around any part: must not change anything.</summary>
internal sealed record ReferenceParenthesised(ReferenceFilter Inner) : ReferenceFilter
{
    public override string Render(int parentPrecedence, Func<string> spacing) => "(" + spacing() + Inner.Render(0, spacing) + spacing() + ")";

    public override bool? Evaluate(IReadOnlyDictionary<string, object?> record) => Inner.Evaluate(record);
}
