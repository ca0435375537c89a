namespace DualWrite.Core.Filters;

/// <summary>
/// A constant: null, string, bool, long, decimal, double, Guid, DateTimeOffset, <see cref="Keys.ODataDate"/>
/// or <see cref="Keys.ODataEnumValue"/> (the types <see cref="Keys.ODataLiteral.TryParse"/> returns).
/// </summary>
public sealed class FilterLiteral : FilterNode
{
    public FilterLiteral(object? value, int position = 0)
        : base(position)
    {
        Value = value;
    }

    public object? Value { get; }
}
