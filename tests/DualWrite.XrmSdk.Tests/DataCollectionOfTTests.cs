using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins the list collection's helpers and its internal constructors.</summary>
public class DataCollectionOfTTests
{
    [Fact]
    public void AddRange_appends_in_order()
    {
        var collection = new DataCollection<string>();

        collection.AddRange("a", "b");
        collection.AddRange(new[] { "c" });

        Assert.Equal(new[] { "a", "b", "c" }, collection);
    }

    [Fact]
    public void ToArray_returns_a_copy()
    {
        var collection = new DataCollection<int> { 1, 2 };

        var array = collection.ToArray();
        array[0] = 9;

        Assert.Equal(new[] { 1, 2 }, collection);
    }

    [Fact]
    public void The_list_constructor_wraps_the_given_list()
    {
        var list = new System.Collections.Generic.List<string> { "a" };

        var collection = new DataCollection<string>(list);
        collection.Add("b");

        Assert.Equal(new[] { "a", "b" }, list);
    }

    [Fact]
    public void EntityReferenceCollection_keeps_the_references_it_is_given()
    {
        var reference = new EntityReference("account", System.Guid.NewGuid());

        var collection = new EntityReferenceCollection(new[] { reference });

        Assert.Same(reference, Assert.Single(collection));
    }

    [Fact]
    public void OptionSetValueCollection_holds_multi_select_values()
    {
        var collection = new OptionSetValueCollection { new OptionSetValue(1) };
        collection.AddRange(new OptionSetValue(2), new OptionSetValue(3));

        Assert.Contains(new OptionSetValue(2), collection);
        Assert.Equal(new[] { 1, 2, 3 }, System.Linq.Enumerable.Select(collection, v => v.Value));
    }
}
