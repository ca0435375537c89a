using DualWrite.Listener.Applying;

namespace DualWrite.Listener.Tests.Applying;

public sealed class MissingReferenceTextTests
{
    [Fact]
    public void A_company_specific_lookup_names_the_field_value_table_key_and_company_code()
    {
        var text = MissingReferenceText.Describe("Vendors V2", "usmf/V-0001", "VendorGroupId",
            "msdyn_vendorgroups(msdyn_vendorgroup='10',_msdyn_company_value=c27a0e6f-c6eb-f230-1dda-5f1cf365e619)", "usmf");

        Assert.Equal("Vendors V2 usmf/V-0001: VendorGroupId '10' has no msdyn_vendorgroups row (msdyn_vendorgroup='10', company USMF)", text);
    }

    [Fact]
    public void A_global_lookup_keeps_its_key_and_a_quoted_comma_does_not_split_it()
    {
        var text = MissingReferenceText.Describe("Customers V3", "usmf/US-001", "SalesCurrencyCode", "transactioncurrencies(isocurrencycode='A,B')", "usmf");

        Assert.Equal("Customers V3 usmf/US-001: SalesCurrencyCode 'A,B' has no transactioncurrencies row (isocurrencycode='A,B')", text);
    }

    [Fact]
    public void A_key_of_several_parts_is_listed_without_a_single_value()
    {
        var text = MissingReferenceText.Describe("Sales order lines", "usmf/SO-000001/1", "ProductNumber",
            "products(msdyn_productnumber='P-0001',msdyn_variant='x',_msdyn_company_value=c27a0e6f-c6eb-f230-1dda-5f1cf365e619)", null);

        Assert.Equal("Sales order lines usmf/SO-000001/1: ProductNumber has no products row (msdyn_productnumber='P-0001', msdyn_variant='x', _msdyn_company_value=c27a0e6f-c6eb-f230-1dda-5f1cf365e619)", text);
    }

    [Fact]
    public void A_path_without_a_key_is_shown_as_it_is()
    {
        Assert.Equal("Contacts usmf/CP-00001: ParentId has no Dataverse row accounts", MissingReferenceText.Describe("Contacts", "usmf/CP-00001", "ParentId", "accounts", "usmf"));
    }
}
