using System;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Conflicts;

public class FieldValueComparerTests
{
    private static readonly Guid GroupId = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");

    [Fact]
    public void Numbers_compare_by_value_whatever_their_kind()
    {
        Assert.True(FieldValueComparer.AreEqual(RecordValue.FromMoney(1500m), RecordValue.FromDecimal(1500.00m)));
        Assert.True(FieldValueComparer.AreEqual(RecordValue.FromInteger(3), RecordValue.FromDecimal(3m)));
    }

    [Fact]
    public void An_empty_string_equals_null_as_Dataverse_stores_it()
    {
        Assert.True(FieldValueComparer.AreEqual(RecordValue.FromString(string.Empty), RecordValue.Null));
        Assert.False(FieldValueComparer.AreEqual(RecordValue.FromString(" "), RecordValue.Null));
    }

    [Fact]
    public void Lookups_compare_by_id_when_both_know_it_else_by_key_value()
    {
        var byIdAndCode = RecordValue.FromLookup(new LookupValue("msdyn_customergroup", GroupId, "10"));
        Assert.True(FieldValueComparer.AreEqual(byIdAndCode, RecordValue.FromLookup(LookupValue.ById("msdyn_customergroup", GroupId))));
        Assert.True(FieldValueComparer.AreEqual(byIdAndCode, RecordValue.FromLookup(LookupValue.ByKey("msdyn_customergroup", "10"))));
        Assert.False(FieldValueComparer.AreEqual(byIdAndCode, RecordValue.FromLookup(LookupValue.ById("msdyn_customergroup", Guid.NewGuid()))));
    }

    [Fact]
    public void Unknown_equals_only_unknown()
    {
        Assert.True(FieldValueComparer.AreEqual(null, null));
        Assert.False(FieldValueComparer.AreEqual(null, RecordValue.Null));
    }
}
