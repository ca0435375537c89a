using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Properties.Tests.Mapping;

/// <summary>
/// Random records through every standard map and back are the identity on two-way fields. One-way fields
/// (direction FinOpsToDataverse or DataverseToFinOps, constants, fields on one side only) are not compared:
/// the other side does not write them back. Lookups are answered with ids derived from their paths.
/// </summary>
public class MappingRoundTripProperties
{
    private const int Iterations = 400;

    public static TheoryData<string> TwoWayMaps()
    {
        var data = new TheoryData<string>();
        foreach (var name in StandardMaps.Names.Where(n => StandardMaps.Named(n).Direction == MapDirection.TwoWay))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TwoWayMaps))]
    public void FinOps_to_Dataverse_and_back_is_the_identity_on_two_way_fields(string mapName) =>
        RoundTrip(StandardMaps.Named(mapName), SyncDirection.FinOpsToDataverse);

    [Theory]
    [MemberData(nameof(TwoWayMaps))]
    public void Dataverse_to_FinOps_and_back_is_the_identity_on_two_way_fields(string mapName) =>
        RoundTrip(StandardMaps.Named(mapName), SyncDirection.DataverseToFinOps);

    private static void RoundTrip(TableMap map, SyncDirection first)
    {
        var second = first == SyncDirection.FinOpsToDataverse ? SyncDirection.DataverseToFinOps : SyncDirection.FinOpsToDataverse;
        RecordGenerator.For(map, first).Sample(
            source =>
            {
                var there = MapFully(map, first, source);
                var back = MapFully(map, second, ToRecord(there, second));
                foreach (var field in map.Fields.Where(f => f.Direction == MapDirection.TwoWay && f.IsPaired))
                {
                    var name = field.SourceField(first)!;
                    var written = back.Payload.SingleOrDefault(p => p.Field == field)
                        ?? throw new Xunit.Sdk.XunitException(map.Name + ": " + field + " was not written back.");
                    var expected = source[name] ?? RecordValue.Null;
                    Assert.True(SameValue(expected, written), map.Name + ": " + field + " went " + expected + " → " + Describe(there, field) + " → " + Describe(written));
                }
            },
            iter: Iterations,
            print: r => string.Join(", ", r.Fields.Select(f => f.Key + "=" + Generators.Printed.Literal(f.Value.ToString()))));
    }

    /// <summary>Maps until every lookup is answered (ids derived from the lookup's path, as a resolver would find them).</summary>
    private static MappingResult MapFully(TableMap map, SyncDirection direction, DataRecord source)
    {
        var resolved = new ResolvedLookups();
        for (var pass = 0; pass < 6; pass++)
        {
            var result = MappingEngine.Map(new MappingRequest(map, direction, source, SyncOperation.Create, resolved: resolved));
            Assert.True(result.Succeeded, map.Name + " " + direction + ": " + string.Join("; ", result.Errors));
            if (result.LookupsToResolve.Count == 0)
            {
                return result;
            }

            foreach (var lookup in result.LookupsToResolve)
            {
                Assert.Equal(LookupResolutionKind.FindId, lookup.Kind);
                resolved.AddId(lookup.Path, IdOf(lookup.Path));
            }
        }

        throw new Xunit.Sdk.XunitException(map.Name + " " + direction + ": lookups still unresolved after 6 passes.");
    }

    /// <summary>What the other side reads back: the payload as a record (a bind becomes a reference by code).</summary>
    private static DataRecord ToRecord(MappingResult result, SyncDirection next)
    {
        var fields = new List<KeyValuePair<string, RecordValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in result.Payload.Where(p => p.Field is not null))
        {
            var name = property.Field!.TargetField(result.Direction)!;
            if (seen.Add(name))
            {
                fields.Add(new KeyValuePair<string, RecordValue>(name, property.IsBind ? RecordValue.FromLookup(property.Reference) : property.Value));
            }
        }

        var company = result.Map.IsCompanySpecific
            ? (next == SyncDirection.FinOpsToDataverse ? RecordGenerator.FinOpsCompany : RecordGenerator.DataverseCompany)
            : null;
        return new DataRecord(fields, company);
    }

    private static bool SameValue(RecordValue expected, PayloadField written)
    {
        if (written.IsBind)
        {
            // A cleared lookup is a bind to null.
            return expected.IsNull ? written.Reference is null : expected.TryGetLookup(out var lookup) && lookup.KeyValue == written.Reference?.KeyValue;
        }

        if (expected.TryGetLookup(out var reference))
        {
            return written.Value.IsNull ? reference is null : written.Value.TryGetString(out var code) && code == reference.KeyValue;
        }

        return expected.Equals(written.Value);
    }

    private static string Describe(MappingResult result, FieldMap field) =>
        result.Payload.FirstOrDefault(p => p.Field == field) is { } p ? Describe(p) : "(not written)";

    private static string Describe(PayloadField field) =>
        field.IsBind ? "bind " + field.Reference : Generators.Printed.Literal(field.Value.ToString()) + " (" + field.Value.Kind + ")";

    private static Guid IdOf(string path) => new(MD5.HashData(Encoding.UTF8.GetBytes(path)));
}
