using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins value equality of OptionSetValue, Money and Relationship.</summary>
public class ValueEqualityTests
{
    [Fact]
    public void OptionSetValues_with_the_same_value_are_equal()
    {
        Assert.Equal(new OptionSetValue(1), new OptionSetValue(1));
        Assert.Equal(new OptionSetValue(1).GetHashCode(), new OptionSetValue(1).GetHashCode());
        Assert.NotEqual(new OptionSetValue(1), new OptionSetValue(2));
        Assert.False(new OptionSetValue(1).Equals(1));
    }

    [Fact]
    public void Money_with_the_same_amount_is_equal()
    {
        Assert.Equal(new Money(10.5m), new Money(10.5m));
        Assert.Equal(new Money(10.5m).GetHashCode(), new Money(10.5m).GetHashCode());
        Assert.NotEqual(new Money(10.5m), new Money(10.6m));
        Assert.False(new Money(1m).Equals(1m));
    }

    [Fact]
    public void Relationships_with_the_same_schema_name_and_role_are_equal()
    {
        Assert.Equal(new Relationship("account_contacts"), new Relationship("account_contacts"));
        Assert.NotEqual(new Relationship("account_contacts"), new Relationship("Account_Contacts"));
        Assert.NotEqual(
            new Relationship("account_parent") { PrimaryEntityRole = EntityRole.Referenced },
            new Relationship("account_parent") { PrimaryEntityRole = EntityRole.Referencing });
    }
}
