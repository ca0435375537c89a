using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Records;

namespace DualWrite.Core.Properties.Tests.Conflicts;

/// <summary>
/// Random three-way merges: a two-way map of six string fields under a map policy (some fields with their
/// own), and per field a base, an F&amp;O value and a Dataverse value drawn from a tiny set (so sides often
/// agree, often differ), any of them sometimes unknown; modification times that may tie or be missing.
/// </summary>
internal static class MergeScenarios
{
    public static readonly string[] Policies = ["FinOpsWins", "DataverseWins", "LastWriterWins", "FieldMerge", "ManualReview"];

    private static readonly DateTime Start = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, TableMap> Maps = new(StringComparer.Ordinal);

    private static readonly Gen<RecordValue?> Version = Gen.Frequency(
        (1, Gen.Const<RecordValue?>(() => null)),
        (1, Gen.Const<RecordValue?>(RecordValue.Null)),
        (6, Gen.Char["abc"].Select(c => (RecordValue?)RecordValue.FromString(c.ToString()))));

    private static readonly Gen<DateTime?> Time = Gen.Frequency(
        (1, Gen.Const<DateTime?>(() => null)),
        (5, Gen.Int[0, 3].Select(m => (DateTime?)Start.AddMinutes(m))));

    /// <summary>A request: policy of the map and of its last two fields, versions per field, both times.</summary>
    public static Gen<ConflictRequest> Request { get; } =
        Gen.Select(
            Gen.OneOf(Policies),
            Gen.OneOf(Policies.Append("none").ToArray()),
            Gen.Select(Version, Version, Version).Array[6],
            Time,
            Time,
            (mapPolicy, fieldPolicy, versions, finOpsTime, dataverseTime) =>
            {
                var map = MapFor(mapPolicy, fieldPolicy);
                var fields = map.Fields.Select((f, i) => new FieldVersions(f, versions[i].Item1, versions[i].Item2, versions[i].Item3)).ToList();
                return new ConflictRequest(map, fields, finOpsTime, dataverseTime, "K-1");
            });

    public static ConflictRequest With(ConflictRequest request, IReadOnlyList<FieldVersions>? fields = null, (DateTime?, DateTime?)? times = null) =>
        new(request.Map, fields ?? request.Fields, times.HasValue ? times.Value.Item1 : request.FinOpsModifiedOn, times.HasValue ? times.Value.Item2 : request.DataverseModifiedOn, request.RecordKey);

    public static string Describe(ConflictRequest request) =>
        "map " + request.Map.ConflictPolicy + ", F&O at " + Show(request.FinOpsModifiedOn) + ", Dataverse at " + Show(request.DataverseModifiedOn) + ": "
        + string.Join("; ", request.Fields.Select(f => f.Field.DataverseField + (f.Field.ConflictPolicy is { } p ? " [" + p + "]" : string.Empty) + " " + f));

    private static string Show(DateTime? time) => time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";

    private static TableMap MapFor(string mapPolicy, string fieldPolicy)
    {
        lock (Maps)
        {
            var name = mapPolicy + "/" + fieldPolicy;
            if (!Maps.TryGetValue(name, out var map))
            {
                var own = fieldPolicy == "none" ? string.Empty : ", \"conflictPolicy\": \"" + fieldPolicy + "\"";
                var fields = string.Join(",\n", Enumerable.Range(1, 6).Select(i => "{ \"finOps\": \"Field" + i + "\", \"dataverse\": \"field" + i + "\"" + (i > 4 ? own : string.Empty) + " }"));
                var json = "{ \"schemaVersion\": 1, \"name\": \"Merge\", \"direction\": \"TwoWay\", \"conflictPolicy\": \"" + mapPolicy + "\","
                    + " \"finOps\": { \"entitySet\": \"Things\", \"key\": [\"Field1\"] },"
                    + " \"dataverse\": { \"entitySet\": \"things\", \"logicalName\": \"thing\", \"key\": [\"field1\"] },"
                    + " \"fields\": [" + fields + "] }";
                var loaded = MapLoader.Load(json, "merge.json");
                Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
                map = loaded.Map!;
                Maps[name] = map;
            }

            return map;
        }
    }
}
