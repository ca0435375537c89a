using System;

namespace DualWrite.Core.Filters;

/// <summary><c>not Operand</c>.</summary>
public sealed class NotExpression : FilterNode
{
    public NotExpression(FilterNode operand, int position = 0)
        : base(position)
    {
        Operand = operand ?? throw new ArgumentNullException(nameof(operand));
    }

    public FilterNode Operand { get; }
}
