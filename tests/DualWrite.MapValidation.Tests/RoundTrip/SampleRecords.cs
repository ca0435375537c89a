using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.MapValidation.Tests.RoundTrip;

/// <summary>An F&amp;O record with a distinct, valid value in every field a map reads, so a swap or an offset shows.</summary>
internal static class SampleRecords
{
    public const string Company = "usmf";

    public static DataRecord FinOpsRecordFor(TableMap map)
    {
        var fields = new List<KeyValuePair<string, RecordValue>>();
        var index = 0;
        foreach (var field in map.Fields.Where(field => field.FinOpsField is not null && field.Direction != MapDirection.DataverseToFinOps))
        {
            index++;
            if (fields.All(existing => existing.Key != field.FinOpsField))
            {
                fields.Add(new KeyValuePair<string, RecordValue>(field.FinOpsField!, ValueFor(field, index)));
            }
        }

        if (map.Company is not null)
        {
            fields.Insert(0, new KeyValuePair<string, RecordValue>(map.Company.FinOpsField, RecordValue.FromString(Company)));
        }

        return new DataRecord(fields, map.Company is null ? null : Company);
    }

    private static RecordValue ValueFor(FieldMap field, int index)
    {
        if (field.ValueMap is not null)
        {
            // The last entry: a value map that is off by one or only maps its first entry fails.
            return field.ValueMap.Entries[field.ValueMap.Entries.Count - 1].FinOps;
        }

        if (field.Lookup is not null)
        {
            return RecordValue.FromString("C" + index.ToString(CultureInfo.InvariantCulture));
        }

        return field.FinOpsType switch
        {
            FieldType.Int => RecordValue.FromInteger(index),
            FieldType.Long => RecordValue.FromInteger(1_000_000_000_000L + index),
            FieldType.Decimal => RecordValue.FromDecimal(1000.25m + index),
            FieldType.Bool => RecordValue.FromBoolean(index % 2 == 0),
            FieldType.Date => RecordValue.FromDateTime(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(index)),
            FieldType.DateTime => RecordValue.FromDateTime(new DateTime(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc).AddHours(index)),
            FieldType.Guid => RecordValue.FromGuid(new Guid(index, 0, 0, new byte[8])),
            _ => RecordValue.FromString(field.FinOpsField + "-" + index.ToString(CultureInfo.InvariantCulture)),
        };
    }
}
