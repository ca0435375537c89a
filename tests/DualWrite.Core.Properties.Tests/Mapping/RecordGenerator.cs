using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Properties.Tests.Mapping;

/// <summary>
/// Random source records for a map and direction: a value for every field the source side has. Nulls only
/// on the Dataverse side (F&amp;O has no nulls) and only where the field is invertible and not part of the key.
/// </summary>
internal static class RecordGenerator
{
    public const string FinOpsCompany = "usmf";
    public const string DataverseCompany = "USMF";

    public static Gen<DataRecord> For(TableMap map, SyncDirection from)
    {
        var fields = SourceFields(map, from).ToList();
        var keys = new HashSet<string>(from == SyncDirection.FinOpsToDataverse ? map.FinOps.KeyFields : map.Dataverse.KeyFields, System.StringComparer.Ordinal);
        var gens = fields.Select(f =>
        {
            var name = f.SourceField(from)!;
            var allowNull = from == SyncDirection.DataverseToFinOps && f.IsInvertible && !keys.Contains(name);
            return FieldValues.For(f, from, allowNull, keys.Contains(name)).Select(v => new KeyValuePair<string, RecordValue>(name, v));
        }).ToArray();

        var company = map.IsCompanySpecific ? (from == SyncDirection.FinOpsToDataverse ? FinOpsCompany : DataverseCompany) : null;
        return Gen.Select(gens.Length == 0 ? Gen.Const(System.Array.Empty<KeyValuePair<string, RecordValue>>()) : Sequence(gens), values => new DataRecord(Distinct(values), company));
    }

    /// <summary>The fields carried from the source side (two-way or one-way from it), no constants.</summary>
    private static IEnumerable<FieldMap> SourceFields(TableMap map, SyncDirection from) =>
        map.Fields.Where(f => f.Carries(from) && f.SourceField(from) is not null && f.Constant is null);

    /// <summary>A field read by two maps' fields (ProductNumber twice) appears once, with the first value.</summary>
    private static IEnumerable<KeyValuePair<string, RecordValue>> Distinct(IEnumerable<KeyValuePair<string, RecordValue>> values)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        return values.Where(v => seen.Add(v.Key)).ToList();
    }

    private static Gen<KeyValuePair<string, RecordValue>[]> Sequence(Gen<KeyValuePair<string, RecordValue>>[] gens) =>
        gens.Aggregate(
            Gen.Const(System.Array.Empty<KeyValuePair<string, RecordValue>>()),
            (acc, next) => Gen.Select(acc, next, (a, b) => a.Append(b).ToArray()));
}
