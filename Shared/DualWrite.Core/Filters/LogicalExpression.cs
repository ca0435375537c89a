using System;

namespace DualWrite.Core.Filters;

/// <summary><c>Left and Right</c> or <c>Left or Right</c>.</summary>
public sealed class LogicalExpression : FilterNode
{
    public LogicalExpression(FilterNode left, LogicalOperator @operator, FilterNode right, int position = 0)
        : base(position)
    {
        Left = left ?? throw new ArgumentNullException(nameof(left));
        Operator = @operator;
        Right = right ?? throw new ArgumentNullException(nameof(right));
    }

    public FilterNode Left { get; }

    public LogicalOperator Operator { get; }

    public FilterNode Right { get; }
}
