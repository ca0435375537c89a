using System;
using System.Globalization;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Filters;

/// <summary>
/// Evaluates a filter against one record, read through a field accessor.
/// </summary>
/// <remarks>
/// OData semantics: <c>x eq null</c> is true when x is null, <c>x ne null</c> when it is not; gt/ge/lt/le
/// with a null side are false; and/or/not use three-valued logic (a null boolean field is "unknown",
/// and the record matches only when the whole filter is true). Numbers compare by value across
/// int/long/decimal/double; strings compare ordinally; an enum literal matches a string field holding
/// its symbol; DateTime (UTC or unspecified, taken as UTC) and DateTimeOffset compare as instants; a
/// date compares with the UTC calendar date of an instant; a Guid compares with a Guid or its text.
/// Values that cannot be compared throw <see cref="FilterEvaluationException"/>.
/// </remarks>
public static class FilterEvaluator
{
    public static bool Evaluate(FilterNode node, Func<string, object?> getField) => Evaluate(node, getField, null);

    /// <summary>
    /// Evaluates with a service's own rule for comparing two strings (F&amp;O compares ignoring case and reads
    /// '*' in an <c>eq</c> literal as a wildcard). The rule gets the comparison and both values and returns
    /// its verdict, or null to leave that comparison to the ordinal default.
    /// </summary>
    public static bool Evaluate(FilterNode node, Func<string, object?> getField, Func<ComparisonExpression, string, string, bool?>? compareStrings)
    {
        if (node is null)
        {
            throw new ArgumentNullException(nameof(node));
        }

        if (getField is null)
        {
            throw new ArgumentNullException(nameof(getField));
        }

        return Eval(node, getField, compareStrings) == true;
    }

    private static bool? Eval(FilterNode node, Func<string, object?> getField, Func<ComparisonExpression, string, string, bool?>? compareStrings)
    {
        switch (node)
        {
            case LogicalExpression { Operator: LogicalOperator.And } and:
                {
                    var left = Eval(and.Left, getField, compareStrings);
                    if (left == false)
                    {
                        return false;
                    }

                    var right = Eval(and.Right, getField, compareStrings);
                    return right == false ? false : left == true && right == true ? true : null;
                }

            case LogicalExpression either:
                {
                    var left = Eval(either.Left, getField, compareStrings);
                    if (left == true)
                    {
                        return true;
                    }

                    var right = Eval(either.Right, getField, compareStrings);
                    return right == true ? true : left == false && right == false ? false : null;
                }

            case NotExpression negation:
                {
                    var value = Eval(negation.Operand, getField, compareStrings);
                    return value is null ? null : !value.Value;
                }

            case ComparisonExpression c:
                {
                    var left = Value(c.Left, getField);
                    var right = Value(c.Right, getField);
                    return compareStrings is not null && left is string ls && right is string rs && compareStrings(c, ls, rs) is { } verdict
                        ? verdict
                        : Compare(c, left, right);
                }
            case StringFunctionCall call:
                return getField(call.Field.Name) switch
                {
                    null => null,
                    string text => Apply(call.Function, text, call.Argument),
                    var other => throw new FilterEvaluationException(
                        "The filter calls " + StringFunctionCall.NameOf(call.Function) + " on the field '" + call.Field.Name + "', but its value is "
                        + DescribeValue(other) + ", not a string."),
                };
            case FieldReference f:
                return getField(f.Name) switch
                {
                    null => null,
                    bool b => b,
                    var other => throw new FilterEvaluationException(
                        "The filter uses the field '" + f.Name + "' as a condition, but its value is " + DescribeValue(other) + ", not true or false."),
                };
            case FilterLiteral l:
                return l.Value switch
                {
                    null => null,
                    bool b => b,
                    var other => throw new FilterEvaluationException("The value " + DescribeValue(other) + " is not a condition."),
                };
            default:
                throw new ArgumentException("Unknown filter node " + node.GetType().Name + ".", nameof(node));
        }
    }

    /// <summary>Ordinal, as strings compare here; a service that ignores case evaluates these itself.</summary>
    private static bool Apply(StringFunction function, string text, string argument) => function switch
    {
        StringFunction.Contains => text.IndexOf(argument, StringComparison.Ordinal) >= 0,
        StringFunction.StartsWith => text.StartsWith(argument, StringComparison.Ordinal),
        _ => text.EndsWith(argument, StringComparison.Ordinal),
    };

    private static object? Value(FilterNode operand, Func<string, object?> getField) =>
        operand is FieldReference f ? getField(f.Name) : ((FilterLiteral)operand).Value;

    private static bool Compare(ComparisonExpression c, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return c.Operator switch
            {
                ComparisonOperator.Equal => left is null && right is null,
                ComparisonOperator.NotEqual => !(left is null && right is null),
                _ => false,
            };
        }

        var order = Order(left, right);
        if (order is null)
        {
            throw new FilterEvaluationException(
                "The filter \"" + FilterPrinter.Print(c) + "\" compares " + DescribeOperand(c.Left, left) + " with "
                + DescribeOperand(c.Right, right) + ", which cannot be compared.");
        }

        var o = order.Value;
        return c.Operator switch
        {
            ComparisonOperator.Equal => o == 0,
            ComparisonOperator.NotEqual => o != 0,
            ComparisonOperator.GreaterThan => o > 0,
            ComparisonOperator.GreaterThanOrEqual => o >= 0,
            ComparisonOperator.LessThan => o < 0,
            ComparisonOperator.LessThanOrEqual => o <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Operator, "Unknown comparison operator."),
        };
    }

    /// <summary>Sign of left minus right, or null when the two values are not comparable.</summary>
    private static int? Order(object left, object right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left, right);
        }

        if (left is ODataEnumValue || right is ODataEnumValue)
        {
            return CompareEnums(left, right);
        }

        if (left is string ls && right is string rs)
        {
            return Math.Sign(string.CompareOrdinal(ls, rs));
        }

        if (left is bool lb && right is bool rb)
        {
            return lb.CompareTo(rb);
        }

        if (TryGuid(left, out var lg) && TryGuid(right, out var rg) && (left is Guid || right is Guid))
        {
            return Math.Sign(lg.CompareTo(rg));
        }

        if (left is ODataDate || right is ODataDate)
        {
            return TryDate(left, out var ld) && TryDate(right, out var rd) ? Math.Sign(ld.CompareTo(rd)) : null;
        }

        if (TryInstant(left, out var li) && TryInstant(right, out var ri))
        {
            return Math.Sign(li.UtcTicks.CompareTo(ri.UtcTicks));
        }

        return null;
    }

    private static bool IsNumber(object value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or decimal or double or float;

    private static int CompareNumbers(object left, object right)
    {
        if (TryDecimal(left, out var ld) && TryDecimal(right, out var rd))
        {
            return ld.CompareTo(rd);
        }

        var l = Convert.ToDouble(left, CultureInfo.InvariantCulture);
        var r = Convert.ToDouble(right, CultureInfo.InvariantCulture);
        return l.CompareTo(r);
    }

    private static bool TryDecimal(object value, out decimal result)
    {
        switch (value)
        {
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) >= 7.9e28)
                {
                    result = 0;
                    return false;
                }

                result = (decimal)d;
                return true;
            case float f:
                return TryDecimal((double)f, out result);
            default:
                result = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
        }
    }

    private static int? CompareEnums(object left, object right)
    {
        string? Symbol(object v) => v switch
        {
            ODataEnumValue e => e.Symbol,
            string s => s,
            _ => null,
        };

        if (left is ODataEnumValue le && right is ODataEnumValue re && !string.Equals(le.TypeName, re.TypeName, StringComparison.Ordinal))
        {
            return null;
        }

        var l = Symbol(left);
        var r = Symbol(right);
        return l is null || r is null ? null : Math.Sign(string.CompareOrdinal(l, r));
    }

    private static bool TryGuid(object value, out Guid guid)
    {
        switch (value)
        {
            case Guid g:
                guid = g;
                return true;
            case string s:
                return Guid.TryParse(s, out guid);
            default:
                guid = Guid.Empty;
                return false;
        }
    }

    private static bool TryDate(object value, out ODataDate date)
    {
        switch (value)
        {
            case ODataDate d:
                date = d;
                return true;
            case DateTime dt:
                date = ODataDate.FromDateTime(ODataLiteral.ToUtcOffset(dt).UtcDateTime);
                return true;
            case DateTimeOffset dto:
                date = ODataDate.FromDateTime(dto.UtcDateTime);
                return true;
            default:
                date = default;
                return false;
        }
    }

    private static bool TryInstant(object value, out DateTimeOffset instant)
    {
        switch (value)
        {
            case DateTimeOffset dto:
                instant = dto;
                return true;
            case DateTime dt:
                instant = ODataLiteral.ToUtcOffset(dt);
                return true;
            default:
                instant = default;
                return false;
        }
    }

    private static string DescribeOperand(FilterNode operand, object value) =>
        operand is FieldReference f ? "the field '" + f.Name + "' (" + DescribeValue(value) + ")" : DescribeValue(value);

    private static string DescribeValue(object value)
    {
        string text;
        try
        {
            text = ODataLiteral.Format(value);
        }
        catch (ArgumentException)
        {
            text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return value.GetType().Name + " " + text;
    }
}
