namespace DualWrite.Core.Filters;

/// <summary>The OData comparison operators the filter subset supports.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
