using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins value equality of OptionSetValue, Money and Relationship.</summary>
public class ValueEqualityTests
{
    [Fact]
    public void OptionSetValues_with_the_same_value_are_equal()
    {
        var first = new OptionSetValue(1);
        var second = new OptionSetValue(1);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(new OptionSetValue(1), new OptionSetValue(2));
        Assert.False(new OptionSetValue(1).Equals(1));
    }

    [Fact]
    public void Money_with_the_same_amount_is_equal()
    {
        var first = new Money(10.5m);
        var second = new Money(10.5m);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(new Money(10.5m), new Money(10.6m));
        Assert.False(new Money(1m).Equals(1m));
    }

    [Fact]
    public void Relationships_with_the_same_schema_name_and_role_are_equal()
    {
        var first = new Relationship("account_contacts");
        var second = new Relationship("account_contacts");
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.NotEqual(new Relationship("account_contacts"), new Relationship("Account_Contacts"));
        Assert.NotEqual(
            new Relationship("account_parent") { PrimaryEntityRole = EntityRole.Referenced },
            new Relationship("account_parent") { PrimaryEntityRole = EntityRole.Referencing });
    }
}
