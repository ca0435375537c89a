using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins EntityCollection construction and its indexer.</summary>
public class EntityCollectionTests
{
    [Fact]
    public void A_new_collection_has_an_empty_Entities_list()
    {
        Assert.Empty(new EntityCollection().Entities);
    }

    [Fact]
    public void The_list_constructor_and_the_indexer_expose_the_records()
    {
        var first = new Entity("account");
        var second = new Entity("account");
        var collection = new EntityCollection(new System.Collections.Generic.List<Entity> { first });

        collection.Entities.Add(second);
        collection[0] = second;

        Assert.Same(second, collection[0]);
        Assert.Equal(2, collection.Entities.Count);
    }
}
