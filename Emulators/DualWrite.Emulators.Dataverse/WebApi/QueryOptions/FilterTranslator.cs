using System;
using System.Collections.Generic;
using DualWrite.Core.Filters;
using DualWrite.Core.Keys;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using Microsoft.Xrm.Sdk.Query;
using QueryFilter = Microsoft.Xrm.Sdk.Query.FilterExpression;
using QueryLogicalOperator = Microsoft.Xrm.Sdk.Query.LogicalOperator;

namespace DualWrite.Emulators.Dataverse.WebApi.QueryOptions;

/// <summary>
/// Translates an OData $filter, read by Core's <see cref="FilterParser"/> with the string functions the Web API
/// accepts, into QueryExpression criteria, which the engine evaluates. QueryExpression has no NOT, so negation is
/// pushed down while translating (De Morgan; each operator to its opposite), which keeps SQL's null semantics.
/// </summary>
public static class FilterTranslator
{
    public static QueryFilter Translate(EntitySetModel set, string filter)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(filter);
        if (!FilterParser.TryParse(filter, FilterExtensions.StringFunctions, out var node, out var error))
        {
            throw WebApiException.BadRequest(error!.Message);
        }

        return Translate(set, node!, negate: false);
    }

    private static QueryFilter Translate(EntitySetModel set, FilterNode node, bool negate) => node switch
    {
        LogicalExpression logical => TranslateLogical(set, logical, negate),
        NotExpression not => Translate(set, not.Operand, !negate),
        StringFunctionCall call => Single(StringCondition(set, call, negate)),
        ComparisonExpression { Left: FieldReference field, Right: FilterLiteral literal } comparison
            => Single(Comparison(Column(set, field.Name), comparison.Operator, literal.Value, negate)),
        ComparisonExpression => throw WebApiException.BadRequest("The emulator's $filter compares a property (on the left) with a value (on the right)."),
        _ => throw WebApiException.BadRequest($"'{FilterPrinter.Print(node)}' is not a condition the emulator's $filter supports; compare a property with a value."),
    };

    /// <summary>A chain of the same operator becomes one filter with all its parts, as the service builds it.</summary>
    private static QueryFilter TranslateLogical(EntitySetModel set, LogicalExpression logical, bool negate)
    {
        var operands = new List<FilterNode>();
        Flatten(logical, logical.Operator, operands);
        var isAnd = logical.Operator == Core.Filters.LogicalOperator.And;
        var filter = new QueryFilter(isAnd != negate ? QueryLogicalOperator.And : QueryLogicalOperator.Or);
        foreach (var operand in operands)
        {
            filter.AddFilter(Translate(set, operand, negate));
        }

        return filter;
    }

    private static void Flatten(FilterNode node, Core.Filters.LogicalOperator op, List<FilterNode> operands)
    {
        if (node is LogicalExpression logical && logical.Operator == op)
        {
            Flatten(logical.Left, op, operands);
            Flatten(logical.Right, op, operands);
            return;
        }

        operands.Add(node);
    }

    private static ConditionExpression StringCondition(EntitySetModel set, StringFunctionCall call, bool negate)
    {
        var column = Column(set, call.Field.Name).LogicalName;
        return call.Function switch
        {
            StringFunction.Contains => new ConditionExpression(column, negate ? ConditionOperator.NotLike : ConditionOperator.Like, "%" + EscapeLike(call.Argument) + "%"),
            StringFunction.StartsWith => new ConditionExpression(column, negate ? ConditionOperator.DoesNotBeginWith : ConditionOperator.BeginsWith, call.Argument),
            _ => new ConditionExpression(column, negate ? ConditionOperator.DoesNotEndWith : ConditionOperator.EndsWith, call.Argument),
        };
    }

    private static ConditionExpression Comparison(ColumnMetadata column, ComparisonOperator op, object? literal, bool negate)
    {
        var value = ConditionValue(column, literal);
        if (value is null)
        {
            return (op, negate) switch
            {
                (ComparisonOperator.Equal, false) or (ComparisonOperator.NotEqual, true) => new ConditionExpression(column.LogicalName, ConditionOperator.Null),
                (ComparisonOperator.NotEqual, false) or (ComparisonOperator.Equal, true) => new ConditionExpression(column.LogicalName, ConditionOperator.NotNull),
                _ => throw WebApiException.BadRequest($"The operator '{FilterPrinter.OperatorText(op)}' cannot compare with null."),
            };
        }

        var conditionOperator = (op, negate) switch
        {
            (ComparisonOperator.Equal, false) or (ComparisonOperator.NotEqual, true) => ConditionOperator.Equal,
            (ComparisonOperator.NotEqual, false) or (ComparisonOperator.Equal, true) => ConditionOperator.NotEqual,
            (ComparisonOperator.GreaterThan, false) or (ComparisonOperator.LessThanOrEqual, true) => ConditionOperator.GreaterThan,
            (ComparisonOperator.GreaterThanOrEqual, false) or (ComparisonOperator.LessThan, true) => ConditionOperator.GreaterEqual,
            (ComparisonOperator.LessThan, false) or (ComparisonOperator.GreaterThanOrEqual, true) => ConditionOperator.LessThan,
            _ => ConditionOperator.LessEqual,
        };
        return new ConditionExpression(column.LogicalName, conditionOperator, value);
    }

    /// <summary>
    /// A literal as the engine compares it: numbers as decimal (int for whole-number columns), date-times as UTC
    /// DateTime for date columns; strings, Guids and booleans as they are. Enum literals are F&amp;O's, not the Web API's.
    /// </summary>
    private static object? ConditionValue(ColumnMetadata column, object? literal)
    {
        var value = literal switch
        {
            null or string or bool or Guid => literal,
            DateTimeOffset instant when column.Type == ColumnType.DateTime => instant.UtcDateTime,
            ODataDate day when column.Type == ColumnType.DateTime => new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Utc),
            long number => (decimal)number,
            decimal number => number,
            double number when !double.IsNaN(number) && !double.IsInfinity(number) && Math.Abs(number) < (double)decimal.MaxValue => (decimal)number,
            _ => throw WebApiException.BadRequest($"'{ODataLiteral.Format(literal)}' is not a valid literal for '{column.LogicalName}'."),
        };
        return value is decimal whole && column.Type is ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status
            && whole == decimal.Truncate(whole) && whole is >= int.MinValue and <= int.MaxValue
            ? (int)whole
            : value;
    }

    private static ColumnMetadata Column(EntitySetModel set, string property)
        => set.ColumnOfProperty(property)
            ?? throw WebApiException.BadRequest($"Could not find a property named '{property}' on type '{set.TypeName}'.");

    private static QueryFilter Single(ConditionExpression condition)
    {
        var filter = new QueryFilter(QueryLogicalOperator.And);
        filter.AddCondition(condition);
        return filter;
    }

    private static string EscapeLike(string text)
        => text.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal);
}
