using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Mapping;
using DualWrite.Core.Records;

namespace DualWrite.MapValidation.Tests.RoundTrip;

/// <summary>F&amp;O → Dataverse → F&amp;O through the engine gives back every two-way field of every standard map.</summary>
public class StandardMapRoundTripTests
{
    public static TheoryData<string> StandardMapFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestData.StandardMaps)
        {
            data.Add(file.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StandardMapFiles))]
    public void FinOps_to_Dataverse_to_FinOps_is_the_identity_on_every_two_way_field(string file)
    {
        var map = Load(TestData.StandardMaps.Single(candidate => candidate.Name == file).Text, file);

        var differences = RoundTripDifferences(map);

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void The_round_trip_catches_a_two_way_field_that_changes_its_value()
    {
        var text = TestData.StandardMaps.Single(candidate => candidate.Name == "customers-v3.json").Text
            .Replace("{ \"finOps\": \"SalesMemo\", \"dataverse\": \"description\" }",
                "{ \"finOps\": \"SalesMemo\", \"dataverse\": \"description\", \"transforms\": [{ \"kind\": \"upper\" }] }", System.StringComparison.Ordinal);
        var map = Load(text, "customers-v3-upper.json");

        var difference = Assert.Single(RoundTripDifferences(map));

        Assert.StartsWith("Customers V3.SalesMemo: expected SalesMemo-", difference, System.StringComparison.Ordinal);
    }

    /// <summary>Maps a sample F&amp;O record to Dataverse and back; lists every two-way field that did not come back unchanged.</summary>
    private static List<string> RoundTripDifferences(TableMap map)
    {
        var directory = new FakeDataverseDirectory();
        var original = SampleRecords.FinOpsRecordFor(map);

        var toDataverse = directory.MapCompletely(resolved => new MappingRequest(map, SyncDirection.FinOpsToDataverse, original, resolved: resolved));
        Assert.True(toDataverse.IsComplete, string.Join("\n", toDataverse.Errors));
        var differences = new List<string>();
        if (!map.Direction.Carries(SyncDirection.DataverseToFinOps))
        {
            Assert.DoesNotContain(map.Fields, field => field.Direction == MapDirection.TwoWay);
            return differences;
        }

        var dataverseRow = StoredInDataverse(map, toDataverse, directory);
        var back = directory.MapCompletely(resolved => new MappingRequest(map, SyncDirection.DataverseToFinOps, dataverseRow, resolved: resolved));
        Assert.True(back.IsComplete, string.Join("\n", back.Errors));

        var twoWay = map.Fields.Where(field => field.Direction == MapDirection.TwoWay && field.IsPaired).ToList();
        Assert.NotEmpty(twoWay);
        var returned = back.Payload.ToDictionary(field => field.Name, field => field.Value);
        foreach (var field in twoWay)
        {
            var what = map.Name + "." + field.FinOpsField;
            if (!returned.TryGetValue(field.FinOpsField!, out var value))
            {
                differences.Add(what + ": did not come back");
            }
            else if (!Same(original[field.FinOpsField!]!, value))
            {
                differences.Add(what + ": expected " + original[field.FinOpsField!] + ", got " + value);
            }
        }

        if (map.Company is not null && !Same(RecordValue.FromString(SampleRecords.Company), returned[map.Company.FinOpsField]))
        {
            differences.Add(map.Name + ": company came back as " + returned[map.Company.FinOpsField]);
        }

        return differences;
    }

    private static TableMap Load(string text, string file)
    {
        var result = MapLoader.Load(text, file);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Map!;
    }

    /// <summary>
    /// The Dataverse row a create payload leaves behind, as a read returns it: values as written,
    /// each bind as a lookup to the row's id (the engine reads the code back through the directory).
    /// </summary>
    private static DataRecord StoredInDataverse(TableMap map, MappingResult created, FakeDataverseDirectory directory)
    {
        var fields = new List<KeyValuePair<string, RecordValue>>();
        foreach (var payload in created.Payload)
        {
            if (!payload.IsBind)
            {
                fields.Add(new KeyValuePair<string, RecordValue>(payload.Name, payload.Value));
                continue;
            }

            string column, table, keyField;
            if (payload.Field?.Lookup is { } lookup)
            {
                (column, table, keyField) = (payload.Field.DataverseField!, lookup.LogicalName, lookup.KeyField);
            }
            else
            {
                var company = map.Company!;
                (column, table, keyField) = (company.DataverseField, company.LogicalName, company.CodeField);
            }

            var path = ((string)payload.Value.Value!).TrimStart('/');
            fields.Add(new KeyValuePair<string, RecordValue>(column, RecordValue.FromLookup(LookupValue.ById(table, directory.IdOf(path, keyField)))));
        }

        return new DataRecord(fields);
    }

    /// <summary>Numbers compare by value (a decimal may come back as money); everything else by kind and value.</summary>
    private static bool Same(RecordValue expected, RecordValue actual) =>
        expected.TryGetNumber(out var left) && actual.TryGetNumber(out var right) ? left == right : expected.Equals(actual);
}
