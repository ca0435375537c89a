using System;

namespace DualWrite.Core.Filters;

/// <summary><c>Left op Right</c>, where each side is a <see cref="FieldReference"/> or a <see cref="FilterLiteral"/>.</summary>
public sealed class ComparisonExpression : FilterNode
{
    public ComparisonExpression(FilterNode left, ComparisonOperator @operator, FilterNode right, int position = 0)
        : base(position)
    {
        Left = CheckOperand(left, nameof(left));
        Operator = @operator;
        Right = CheckOperand(right, nameof(right));
    }

    public FilterNode Left { get; }

    public ComparisonOperator Operator { get; }

    public FilterNode Right { get; }

    private static FilterNode CheckOperand(FilterNode node, string name) => node switch
    {
        null => throw new ArgumentNullException(name),
        FieldReference or FilterLiteral => node,
        _ => throw new ArgumentException("A comparison compares fields and literals, not " + node.GetType().Name + ".", name),
    };
}
