namespace DualWrite.Core.Filters;

/// <summary><c>and</c> / <c>or</c>.</summary>
public enum LogicalOperator
{
    And,
    Or,
}
