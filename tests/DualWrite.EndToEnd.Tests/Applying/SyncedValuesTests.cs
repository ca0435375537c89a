using System;
using System.Collections.Generic;
using DualWrite.Core.Records;
using DualWrite.Listener.Applying;

namespace DualWrite.EndToEnd.Tests.Applying;

public class SyncedValuesTests
{
    [Fact]
    public void Every_kind_of_value_reads_back_as_it_was_written()
    {
        var values = new Dictionary<string, RecordValue>
        {
            ["name"] = RecordValue.FromString("Contoso 'quoted' & co"),
            ["empty"] = RecordValue.Null,
            ["count"] = RecordValue.FromInteger(42),
            ["ratio"] = RecordValue.FromDecimal(1.25m),
            ["creditlimit"] = RecordValue.FromMoney(1500.50m),
            ["flag"] = RecordValue.FromBoolean(true),
            ["when"] = RecordValue.FromDateTime(new DateTime(2026, 11, 22, 8, 30, 0, DateTimeKind.Utc)),
            ["id"] = RecordValue.FromGuid(Guid.Parse("11111111-2222-3333-4444-555555555555")),
            ["group"] = RecordValue.FromLookup(new LookupValue("msdyn_customergroup", Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001"), "10")),
        };

        var read = SyncedValues.Read(SyncedValues.Write(values));

        Assert.Equal(values.Count, read.Count);
        foreach (var (column, value) in values)
        {
            Assert.Equal(value, read[column]);
            Assert.Equal(value.Kind, read[column].Kind);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void A_missing_or_unreadable_base_is_no_base(string? text)
    {
        Assert.Empty(SyncedValues.Read(text));
    }
}
