using System;
using System.Text;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Filters;

/// <summary>
/// Writes a filter back as canonical OData text: single spaces, lower-case keywords, literals in
/// <see cref="ODataLiteral"/> form (instants in UTC), and parentheses only where precedence needs them
/// — except after <c>not</c>, which always gets them around a comparison or logical expression, because
/// OData binds <c>not</c> tighter than <c>eq</c>. Printing what the parser read and parsing it again
/// gives the same tree.
/// </summary>
public static class FilterPrinter
{
    public static string Print(FilterNode node)
    {
        if (node is null)
        {
            throw new ArgumentNullException(nameof(node));
        }

        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    /// <summary>The canonical text percent-encoded for a <c>$filter=</c> query option value.</summary>
    public static string PrintForQuery(FilterNode node) => ODataUrlEncoding.EscapeQueryValue(Print(node));

    public static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "eq",
        ComparisonOperator.NotEqual => "ne",
        ComparisonOperator.GreaterThan => "gt",
        ComparisonOperator.GreaterThanOrEqual => "ge",
        ComparisonOperator.LessThan => "lt",
        ComparisonOperator.LessThanOrEqual => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown comparison operator."),
    };

    private static void Write(StringBuilder sb, FilterNode node)
    {
        switch (node)
        {
            case FieldReference f:
                sb.Append(f.Name);
                break;
            case FilterLiteral l:
                sb.Append(ODataLiteral.Format(l.Value));
                break;
            case ComparisonExpression c:
                Write(sb, c.Left);
                sb.Append(' ').Append(OperatorText(c.Operator)).Append(' ');
                Write(sb, c.Right);
                break;
            case StringFunctionCall call:
                sb.Append(StringFunctionCall.NameOf(call.Function)).Append('(').Append(call.Field.Name).Append(',')
                    .Append(ODataLiteral.Format(call.Argument)).Append(')');
                break;
            case NotExpression n:
                sb.Append("not ");
                WriteWrapped(sb, n.Operand, n.Operand is ComparisonExpression or LogicalExpression);
                break;
            case LogicalExpression l:
                // Left-associative: a right child of the same operator needs parentheses to come back the same.
                WriteWrapped(sb, l.Left, l.Operator == LogicalOperator.And && l.Left is LogicalExpression { Operator: LogicalOperator.Or });
                sb.Append(l.Operator == LogicalOperator.And ? " and " : " or ");
                WriteWrapped(sb, l.Right, l.Right is LogicalExpression right && (l.Operator == LogicalOperator.And || right.Operator == LogicalOperator.Or));
                break;
            default:
                throw new ArgumentException("Unknown filter node " + node.GetType().Name + ".", nameof(node));
        }
    }

    private static void WriteWrapped(StringBuilder sb, FilterNode node, bool parenthesize)
    {
        if (parenthesize)
        {
            sb.Append('(');
        }

        Write(sb, node);
        if (parenthesize)
        {
            sb.Append(')');
        }
    }
}
