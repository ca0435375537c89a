using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins EntityReference value equality.</summary>
public class EntityReferenceTests
{
    private static readonly Guid Id = Guid.Parse("5b1ad7a4-7c0e-4c1b-9d8f-0c5f0a1d2e3f");

    [Fact]
    public void References_with_the_same_id_and_logical_name_are_equal_and_hash_alike()
    {
        var left = new EntityReference("account", Id);
        var right = new EntityReference("account", Id) { Name = "display names do not matter" };

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void A_different_id_makes_references_unequal()
    {
        Assert.NotEqual(new EntityReference("account", Id), new EntityReference("account", Guid.NewGuid()));
    }

    [Fact]
    public void Logical_names_compare_ordinally()
    {
        Assert.NotEqual(new EntityReference("account", Id), new EntityReference("Account", Id));
    }

    [Fact]
    public void Key_attributes_take_part_in_equality()
    {
        var left = new EntityReference("account", "accountnumber", "A-1");
        var same = new EntityReference("account", "accountnumber", "A-1");
        var other = new EntityReference("account", "accountnumber", "A-2");

        Assert.Equal(left, same);
        Assert.NotEqual(left, other);
        Assert.NotEqual(left, new EntityReference("account"));
    }

    [Fact]
    public void A_reference_is_not_equal_to_null_or_another_type()
    {
        var reference = new EntityReference("account", Id);

        Assert.False(reference.Equals(null));
        Assert.False(reference.Equals("account"));
    }

    [Fact]
    public void KeyAttributes_is_created_lazily()
    {
        var reference = new EntityReference();

        Assert.NotNull(reference.KeyAttributes);
        Assert.Same(reference.KeyAttributes, reference.KeyAttributes);
    }

    [Fact]
    public void The_key_constructors_fill_KeyAttributes()
    {
        var keys = new KeyAttributeCollection { { "accountnumber", "A-1" } };

        Assert.Equal("A-1", new EntityReference("account", "accountnumber", "A-1").KeyAttributes["accountnumber"]);
        Assert.Same(keys, new EntityReference("account", keys).KeyAttributes);
    }
}
