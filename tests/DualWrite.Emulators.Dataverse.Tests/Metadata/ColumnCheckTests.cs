using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Metadata;

public sealed class ColumnCheckTests
{
    [Fact]
    public void A_string_where_a_money_belongs_is_an_error_naming_table_and_column()
    {
        using var dataverse = TestDataverse.Build();

        var fault = Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Create(new Entity("account") { ["name"] = "A", ["creditlimit"] = "100" }));

        Assert.Contains("'creditlimit'", fault.Message, StringComparison.Ordinal);
        Assert.Contains("'account'", fault.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("numberofemployees", "10")]
    [InlineData("numberofemployees", 10L)]
    [InlineData("revenue", 10)]
    [InlineData("industrycode", 1)]
    [InlineData("donotemail", "true")]
    [InlineData("name", 5)]
    public void Values_of_the_wrong_type_are_refused_on_update_too(string column, object value)
    {
        using var dataverse = TestDataverse.Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        var fault = Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Update(new Entity("account", id) { [column] = value }));

        Assert.Contains($"'{column}'", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_the_table_does_not_have_is_refused()
    {
        using var dataverse = TestDataverse.Build();

        var fault = Assertions.Fault(ErrorCodes.AttributeDoesNotExist, () => dataverse.Service.Create(new Entity("account") { ["nosuchcolumn"] = "x" }));

        Assert.Contains("nosuchcolumn", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_column_must_have_a_value_on_create_and_cannot_be_cleared()
    {
        using var dataverse = TestDataverse.Build();

        var missing = Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Create(new Entity("contact") { ["firstname"] = "Ann" }));
        Assert.Contains("lastname", missing.Message, StringComparison.Ordinal);

        var id = dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Smith" });
        Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Update(new Entity("contact", id) { ["lastname"] = null }));
    }

    [Fact]
    public void Text_longer_than_the_column_allows_is_refused()
    {
        using var dataverse = TestDataverse.Build();

        Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Create(new Entity("account") { ["name"] = new string('x', 161) }));
    }

    [Fact]
    public void A_lookup_to_a_table_it_does_not_target_is_refused()
    {
        using var dataverse = TestDataverse.Build();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        var fault = Assertions.Fault(ErrorCodes.InvalidArgument, () => dataverse.Service.Create(new Entity("account") { ["name"] = "B", ["primarycontactid"] = new EntityReference("account", account) }));
        Assert.Contains("primarycontactid", fault.Message, StringComparison.Ordinal);
    }
}
