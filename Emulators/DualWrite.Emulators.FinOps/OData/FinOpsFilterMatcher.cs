using System;
using DualWrite.Core.Filters;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Evaluates Core's parsed $filter with F&amp;O's differences on top of <see cref="FilterEvaluator"/>:
/// strings compare ignoring case (F&amp;O's SQL collation), and <c>eq '*x*'</c> / <c>ne '*x*'</c> treat
/// '*' as a wildcard (F&amp;O's substitute for contains/startswith/endswith). Everything else is Core's.
/// </summary>
public static class FinOpsFilterMatcher
{
    public static bool Matches(FilterNode node, Func<string, object?> getField)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(getField);
        return FilterEvaluator.Evaluate(node, getField, CompareStrings);
    }

    /// <summary>'*' matches any run of characters (none included); the rest compares ignoring case.</summary>
    public static bool WildcardMatch(string value, string pattern)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(pattern);
        var pieces = pattern.Split('*');
        if (pieces.Length == 1)
        {
            return string.Equals(value, pattern, StringComparison.OrdinalIgnoreCase);
        }

        if (!value.StartsWith(pieces[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = pieces[0].Length;
        for (var i = 1; i < pieces.Length - 1; i++)
        {
            var found = value.IndexOf(pieces[i], position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + pieces[i].Length;
        }

        var last = pieces[^1];
        return value.Length - position >= last.Length && value.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }

    private static bool? CompareStrings(ComparisonExpression comparison, string left, string right)
    {
        // The wildcard applies to a literal pattern, as in F&O: Name eq '*contoso*'.
        var pattern = comparison.Right is FilterLiteral && right.Contains('*', StringComparison.Ordinal) ? right
            : comparison.Left is FilterLiteral && left.Contains('*', StringComparison.Ordinal) ? left
            : null;
        if (pattern is not null && comparison.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            var subject = ReferenceEquals(pattern, right) ? left : right;
            var match = WildcardMatch(subject, pattern);
            return comparison.Operator == ComparisonOperator.Equal ? match : !match;
        }

        var order = Math.Sign(string.Compare(left, right, StringComparison.OrdinalIgnoreCase));
        return comparison.Operator switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.GreaterThan => order > 0,
            ComparisonOperator.GreaterThanOrEqual => order >= 0,
            ComparisonOperator.LessThan => order < 0,
            _ => order <= 0,
        };
    }
}
