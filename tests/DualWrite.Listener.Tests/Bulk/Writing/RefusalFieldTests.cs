using DualWrite.Listener.Bulk.Writing;

namespace DualWrite.Listener.Tests.Bulk.Writing;

public sealed class RefusalFieldTests
{
    [Theory]
    [InlineData("Cannot convert the literal for property 'creditlimit' to the expected type of column 'creditlimit' (Money).", "creditlimit")]
    [InlineData("A value of length 500 is too long for column 'name' of table 'account' (maximum 160).", "name")]
    [InlineData("'account' entity doesn't contain attribute with Name = 'foo_bar'.", "foo_bar")]
    [InlineData("The value '99' in field 'CustomerGroupId' is not found in the related table 'CustomerGroups' of company 'usmf'.", "CustomerGroupId")]
    [InlineData("Field 'OrganizationName' must be filled in.", "OrganizationName")]
    [InlineData("The property 'Nope' does not exist on type 'Microsoft.Dynamics.DataEntities.CustomerV3'.", "Nope")]
    [InlineData("A record with the specified key values does not exist in msdyn_customergroup entity", null)]
    [InlineData("", null)]
    public void Names_the_field_a_reason_names(string reason, string? field) => Assert.Equal(field, RefusalField.Of(reason));
}
