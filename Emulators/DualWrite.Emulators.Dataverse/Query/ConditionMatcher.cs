using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Store;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Query;

/// <summary>
/// Evaluates filters and conditions against a record with SQL semantics: a comparison with a null column is
/// false (so NotEqual and NotIn leave nulls out), Like uses % and _ wildcards, text compares case-insensitively.
/// </summary>
internal static class ConditionMatcher
{
    public static bool Matches(FilterExpression? filter, IReadOnlyDictionary<string, object?> values)
    {
        if (filter is null)
        {
            return true;
        }

        var results = filter.Conditions.Select(c => Matches(c, values)).Concat(filter.Filters.Select(f => Matches(f, values)));
        return filter.FilterOperator == LogicalOperator.Or
            ? (filter.Conditions.Count == 0 && filter.Filters.Count == 0) || results.Any(r => r)
            : results.All(r => r);
    }

    public static bool Matches(ConditionExpression condition, IReadOnlyDictionary<string, object?> values)
    {
        if (!string.IsNullOrEmpty(condition.EntityName))
        {
            throw DataverseFaultException.Create(ErrorCodes.Unspecified, $"Conditions on linked tables ('{condition.EntityName}') are not supported by the in-memory engine.");
        }

        var actual = values.TryGetValue(condition.AttributeName, out var v) ? v : null;
        var args = Flatten(condition.Values);
        switch (condition.Operator)
        {
            case ConditionOperator.Null:
                return actual is null;
            case ConditionOperator.NotNull:
                return actual is not null;
        }

        if (actual is null)
        {
            return false;
        }

        return condition.Operator switch
        {
            ConditionOperator.Equal => ComparableValue.AreEqual(actual, Single(condition, args)),
            ConditionOperator.NotEqual => !ComparableValue.AreEqual(actual, Single(condition, args)),
            ConditionOperator.GreaterThan => ComparableValue.Compare(actual, Single(condition, args)) > 0,
            ConditionOperator.GreaterEqual => ComparableValue.Compare(actual, Single(condition, args)) >= 0,
            ConditionOperator.LessThan => ComparableValue.Compare(actual, Single(condition, args)) < 0,
            ConditionOperator.LessEqual => ComparableValue.Compare(actual, Single(condition, args)) <= 0,
            ConditionOperator.In => args.Any(a => ComparableValue.AreEqual(actual, a)),
            ConditionOperator.NotIn => !args.Any(a => ComparableValue.AreEqual(actual, a)),
            ConditionOperator.Between => args.Count == 2 && ComparableValue.Compare(actual, args[0]) >= 0 && ComparableValue.Compare(actual, args[1]) <= 0,
            ConditionOperator.NotBetween => args.Count == 2 && !(ComparableValue.Compare(actual, args[0]) >= 0 && ComparableValue.Compare(actual, args[1]) <= 0),
            ConditionOperator.Like => Like(actual, Text(condition, args)),
            ConditionOperator.NotLike => !Like(actual, Text(condition, args)),
            ConditionOperator.BeginsWith => Like(actual, Escape(Text(condition, args)) + "%"),
            ConditionOperator.DoesNotBeginWith => !Like(actual, Escape(Text(condition, args)) + "%"),
            ConditionOperator.EndsWith => Like(actual, "%" + Escape(Text(condition, args))),
            ConditionOperator.DoesNotEndWith => !Like(actual, "%" + Escape(Text(condition, args))),
            _ => throw DataverseFaultException.Create(
                ErrorCodes.Unspecified,
                $"Condition operator {condition.Operator} (on '{condition.AttributeName}') is not supported by the in-memory engine."),
        };
    }

    private static List<object?> Flatten(IEnumerable<object> values)
    {
        var list = new List<object?>();
        foreach (var value in values)
        {
            // AddCondition("x", In, array) passes the array as one value: treat its items as the values.
            if (value is IEnumerable items and not string and not byte[])
            {
                list.AddRange(items.Cast<object?>());
            }
            else
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static object? Single(ConditionExpression condition, List<object?> args)
        => args.Count == 1
            ? args[0]
            : throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"Condition operator {condition.Operator} on '{condition.AttributeName}' expects one value; it has {args.Count}.");

    private static string Text(ConditionExpression condition, List<object?> args)
        => Single(condition, args) as string
            ?? throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, $"Condition operator {condition.Operator} on '{condition.AttributeName}' expects a text value.");

    private static string Escape(string text) => text.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal);

    /// <summary>SQL LIKE: % any run, _ one character, [x] the character x; case-insensitive.</summary>
    private static bool Like(object actual, string pattern)
    {
        if (actual is not string text)
        {
            text = ValueText.Format(actual);
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '%')
            {
                regex.Append(".*");
            }
            else if (c == '_')
            {
                regex.Append('.');
            }
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var close and > 0)
            {
                regex.Append('[').Append(pattern, i + 1, close - i - 1).Append(']');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return Regex.IsMatch(text, regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
