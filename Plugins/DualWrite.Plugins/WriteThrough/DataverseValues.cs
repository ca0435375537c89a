using System;
using System.Collections.Generic;
using DualWrite.Core.Records;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>
/// Translates SDK attribute values into Core's neutral record values and filter operands, and compares
/// them (an EntityReference by table and id, Money and OptionSetValue by value).
/// </summary>
public static class DataverseValues
{
    /// <summary>A neutral record of the given columns of <paramref name="entity"/> (absent columns stay absent).</summary>
    public static DataRecord ToRecord(Entity entity, IEnumerable<string> columns)
    {
        var fields = new List<KeyValuePair<string, RecordValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (seen.Add(column) && entity.Attributes.TryGetValue(column, out var value))
            {
                fields.Add(new KeyValuePair<string, RecordValue>(column, ToRecordValue(value)));
            }
        }

        return new DataRecord(fields);
    }

    public static RecordValue ToRecordValue(object? value)
    {
        switch (value)
        {
            case null:
                return RecordValue.Null;
            case string text:
                return RecordValue.FromString(text);
            case int number:
                return RecordValue.FromInteger(number);
            case long number:
                return RecordValue.FromInteger(number);
            case decimal number:
                return RecordValue.FromDecimal(number);
            case double number:
                return RecordValue.FromDecimal((decimal)number);
            case float number:
                return RecordValue.FromDecimal((decimal)number);
            case Money money:
                return RecordValue.FromMoney(money.Value);
            case bool flag:
                return RecordValue.FromBoolean(flag);
            case DateTime moment:
                return RecordValue.FromDateTime(moment.Kind == DateTimeKind.Local ? moment.ToUniversalTime() : moment);
            case Guid id:
                return RecordValue.FromGuid(id);
            case OptionSetValue choice:
                return RecordValue.FromInteger(choice.Value);
            case EntityReference reference:
                return RecordValue.FromLookup(LookupValue.ById(reference.LogicalName, reference.Id));
            default:
                // Multi-select choices, party lists, images: no map type carries them.
                throw new NotSupportedException("A column of type " + value.GetType().Name + " cannot be mapped.");
        }
    }

    /// <summary>The value as the filter evaluator compares it: a choice as its number, a lookup as its id.</summary>
    public static object? ToFilterOperand(object? value) => value switch
    {
        OptionSetValue choice => choice.Value,
        Money money => money.Value,
        EntityReference reference => reference.Id,
        _ => value,
    };

    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is EntityReference a && right is EntityReference b)
        {
            return a.Id == b.Id && string.Equals(a.LogicalName, b.LogicalName, StringComparison.Ordinal);
        }

        if (left is Money leftMoney && right is Money rightMoney)
        {
            return leftMoney.Value == rightMoney.Value;
        }

        if (left is OptionSetValue leftChoice && right is OptionSetValue rightChoice)
        {
            return leftChoice.Value == rightChoice.Value;
        }

        return left is string leftText && right is string rightText
            ? string.Equals(leftText, rightText, StringComparison.Ordinal)
            : left.Equals(right);
    }
}
