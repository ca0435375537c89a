using System.Text;

namespace DualWrite.Core.Mapping;

/// <summary>
/// One reason a record could not be mapped, naming the map, field, key and value so a business user
/// can act on it: "Map 'Customers V3': field CreditLimitIsMandatory value 'Maybe' for key usmf/US-001
/// has no entry in the value map."
/// </summary>
public sealed class MappingError
{
    public MappingError(string map, string field, string? key, string? value, string message)
    {
        Map = map;
        Field = field;
        Key = key;
        Value = value;
        Message = message;
    }

    public string Map { get; }

    /// <summary>The field the value came from (the source side's name; the target's for a one-sided field).</summary>
    public string Field { get; }

    /// <summary>The source record's key as users see it (<c>usmf/US-001</c>); null when the record has none yet.</summary>
    public string? Key { get; }

    /// <summary>The offending value as text; null when the problem is a missing value.</summary>
    public string? Value { get; }

    /// <summary>What is wrong, as a verb phrase: "has no entry in the value map".</summary>
    public string Message { get; }

    public override string ToString()
    {
        var text = new StringBuilder("Map '").Append(Map).Append("': field ").Append(Field);
        if (Value is not null)
        {
            text.Append(" value '").Append(Value).Append('\'');
        }

        if (Key is not null)
        {
            text.Append(" for key ").Append(Key);
        }

        return text.Append(' ').Append(Message).Append('.').ToString();
    }
}
