using System;
using System.Collections.Generic;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>Builds records from plain CLR values so tests read like data.</summary>
internal static class TestRecords
{
    public static DataRecord Of(string? company, params object?[] namesAndValues)
    {
        var fields = new List<KeyValuePair<string, RecordValue>>();
        for (var i = 0; i < namesAndValues.Length; i += 2)
        {
            fields.Add(new KeyValuePair<string, RecordValue>((string)namesAndValues[i]!, ToValue(namesAndValues[i + 1])));
        }

        return new DataRecord(fields, company);
    }

    public static RecordValue ToValue(object? value) => value switch
    {
        null => RecordValue.Null,
        RecordValue recordValue => recordValue,
        string text => RecordValue.FromString(text),
        int number => RecordValue.FromInteger(number),
        long number => RecordValue.FromInteger(number),
        decimal number => RecordValue.FromDecimal(number),
        bool flag => RecordValue.FromBoolean(flag),
        DateTime moment => RecordValue.FromDateTime(moment),
        Guid id => RecordValue.FromGuid(id),
        LookupValue lookup => RecordValue.FromLookup(lookup),
        _ => throw new ArgumentException("No record value for " + value.GetType()),
    };
}
