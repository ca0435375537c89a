using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins the keyed collection's behaviour plug-in code relies on.</summary>
public class DataCollectionOfKeyValueTests
{
    [Fact]
    public void Getting_a_missing_key_throws_KeyNotFoundException()
    {
        var collection = new ParameterCollection();

        Assert.Throws<KeyNotFoundException>(() => collection["missing"]);
    }

    [Fact]
    public void Setting_through_the_indexer_adds_a_new_key()
    {
        var collection = new ParameterCollection();

        collection["a"] = 1;

        Assert.Equal(1, collection["a"]);
        Assert.Equal(1, collection.Count);
    }

    [Fact]
    public void Setting_through_the_indexer_replaces_an_existing_value()
    {
        var collection = new ParameterCollection { ["a"] = 1 };

        collection["a"] = 2;

        Assert.Equal(2, collection["a"]);
        Assert.Equal(1, collection.Count);
    }

    [Fact]
    public void Adding_a_duplicate_key_throws()
    {
        var collection = new ParameterCollection { { "a", 1 } };

        Assert.Throws<ArgumentException>(() => collection.Add("a", 2));
    }

    [Fact]
    public void Contains_and_TryGetValue_report_missing_keys_without_throwing()
    {
        var collection = new AttributeCollection { { "name", "Contoso" } };

        Assert.True(collection.Contains("name"));
        Assert.True(collection.ContainsKey("name"));
        Assert.False(collection.Contains("other"));
        Assert.True(collection.TryGetValue("name", out var value));
        Assert.Equal("Contoso", value);
        Assert.False(collection.TryGetValue("other", out _));
    }

    [Fact]
    public void Contains_of_a_pair_compares_key_and_value()
    {
        var collection = new AttributeCollection { { "name", "Contoso" } };

        Assert.True(collection.Contains(new KeyValuePair<string, object>("name", "Contoso")));
        Assert.False(collection.Contains(new KeyValuePair<string, object>("name", "Fabrikam")));
    }

    [Fact]
    public void AddRange_adds_every_pair()
    {
        var collection = new ParameterCollection();

        collection.AddRange(new KeyValuePair<string, object>("a", 1), new KeyValuePair<string, object>("b", 2));

        Assert.Equal(2, collection.Count);
        Assert.Equal(new[] { "a", "b" }, collection.Keys);
    }

    [Fact]
    public void Remove_reports_whether_the_key_was_present()
    {
        var collection = new ParameterCollection { { "a", 1 } };

        Assert.True(collection.Remove("a"));
        Assert.False(collection.Remove("a"));
    }

    [Fact]
    public void Keys_are_case_sensitive_like_the_real_sdk()
    {
        var collection = new AttributeCollection { { "name", "Contoso" } };

        Assert.False(collection.Contains("Name"));
    }

    [Fact]
    public void A_new_collection_is_not_read_only()
    {
        Assert.False(new AttributeCollection().IsReadOnly);
    }

    [Fact]
    public void A_read_only_collection_rejects_every_mutator_with_InvalidOperationException()
    {
        var collection = new ParameterCollection { { "a", 1 } };
        collection.IsReadOnly = true;

        var mutators = new Action[]
        {
            () => collection["a"] = 2,
            () => collection.Add("b", 2),
            () => collection.Add(new KeyValuePair<string, object>("b", 2)),
            () => collection.AddRange(new KeyValuePair<string, object>("b", 2)),
            () => collection.AddRange(new List<KeyValuePair<string, object>> { new("b", 2) }),
            () => collection.Remove("a"),
            () => collection.Remove(new KeyValuePair<string, object>("a", 1)),
            () => collection.Clear(),
        };

        foreach (var mutate in mutators)
        {
            var error = Assert.Throws<InvalidOperationException>(mutate);
            Assert.Equal("The collection is read-only.", error.Message);
        }

        Assert.Equal(1, collection["a"]);
    }

    [Fact]
    public void A_read_only_collection_can_still_be_read()
    {
        var collection = new ParameterCollection { { "a", 1 } };
        collection.IsReadOnly = true;

        Assert.Equal(1, collection["a"]);
        Assert.True(collection.Contains("a"));
        Assert.Single(collection);
    }

    [Fact]
    public void CopyTo_copies_the_pairs()
    {
        var collection = new ParameterCollection { { "a", 1 } };
        var target = new KeyValuePair<string, object>[2];

        collection.CopyTo(target, 1);

        Assert.Equal("a", target[1].Key);
    }
}
