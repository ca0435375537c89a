using System;
using System.Linq;
using CsCheck;
using DualWrite.Core.Maps;
using DualWrite.Core.Properties.Tests.Generators;
using DualWrite.Core.Records;

namespace DualWrite.Core.Properties.Tests.Mapping;

/// <summary>
/// Values valid for one field on one side: the declared type, an entry of the value map, a code for a
/// lookup (a reference by key on the Dataverse side), strings within every maxLength transform, never
/// blank in a key.
/// </summary>
internal static class FieldValues
{
    public static Gen<RecordValue> For(FieldMap field, SyncDirection from, bool allowNull, bool isKey)
    {
        var value = NonNull(field, from, isKey);
        return allowNull ? Gen.Frequency((1, Gen.Const(RecordValue.Null)), (6, value)) : value;
    }

    private static Gen<RecordValue> NonNull(FieldMap field, SyncDirection from, bool isKey)
    {
        var toDataverse = from == SyncDirection.FinOpsToDataverse;
        if (field.ValueMap is { } valueMap)
        {
            var entries = valueMap.Entries.Select(e => toDataverse ? e.FinOps : e.Dataverse).ToArray();
            return Gen.OneOf(entries);
        }

        if (field.Lookup is { } lookup)
        {
            var code = Text(field, 1, 20);
            return toDataverse ? code.Select(RecordValue.FromString) : code.Select(c => RecordValue.FromLookup(LookupValue.ByKey(lookup.LogicalName, c)));
        }

        return field.SourceType(from) switch
        {
            // F&O has no null strings (blank is ""); Dataverse stores a blank string as null.
            FieldType.String => Text(field, toDataverse && !isKey ? 0 : 1, 40).Select(RecordValue.FromString),
            FieldType.Int => Gen.Int.Select(i => RecordValue.FromInteger(i)),
            FieldType.Long => Gen.Long.Select(RecordValue.FromInteger),
            FieldType.Decimal => Money.Select(RecordValue.FromDecimal),
            FieldType.Money => Money.Select(RecordValue.FromMoney),
            FieldType.Bool => Gen.Bool.Select(RecordValue.FromBoolean),
            FieldType.Date => Gen.Int[0, 73000].Select(d => RecordValue.FromDateTime(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(d))),
            FieldType.DateTime => Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks].Select(t => RecordValue.FromDateTime(new DateTime(t, DateTimeKind.Utc))),
            FieldType.Guid => Gen.Guid.Select(RecordValue.FromGuid),
            var other => throw new NotSupportedException(field + ": no generator for " + other),
        };
    }

    /// <summary>Decimals with up to 4 places in a range both services store (money is decimal(19,4) in Dataverse).</summary>
    private static Gen<decimal> Money { get; } = Gen.Long[-99_999_999_999_9999L, 99_999_999_999_9999L].Select(units => units / 10_000m);

    private static Gen<string> Text(FieldMap field, int minLength, int maxLength)
    {
        var limit = field.Transforms.Where(t => t.Kind == StringTransformKind.MaxLength).Select(t => t.MaxLength).DefaultIfEmpty(maxLength).Min();
        return KeyStrings.Of(minLength, Math.Min(limit, maxLength));
    }
}
