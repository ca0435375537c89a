using System.Linq;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Tests.Seed;

public sealed class DataverseSeedGeneratorTests
{
    [Fact]
    public void The_same_options_give_the_same_records_and_ids()
    {
        var first = new DataverseSeedGenerator(DataverseSeedOptions.Small).Records().Select(e => (e.Id, e.GetAttributeValue<string>("name"))).ToList();
        var second = new DataverseSeedGenerator(DataverseSeedOptions.Small).Records().Select(e => (e.Id, e.GetAttributeValue<string>("name"))).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Accounts_are_numbered_per_company_as_the_fno_emulator_numbers_its_customers()
    {
        var accounts = new DataverseSeedGenerator(DataverseSeedOptions.Small).Records().Where(e => e.LogicalName == "account").ToList();

        Assert.Equal(300, accounts.Count);
        Assert.Equal("US-001", accounts[0].GetAttributeValue<string>("accountnumber"));
        Assert.Equal("RT-001", accounts[1].GetAttributeValue<string>("accountnumber"));
        Assert.Equal("DE-001", accounts[2].GetAttributeValue<string>("accountnumber"));
        Assert.Equal("DE-100", accounts[^1].GetAttributeValue<string>("accountnumber"));
    }

    [Fact]
    public void Every_company_has_the_vendor_group_the_fno_seed_gives_its_vendors()
    {
        var records = new DataverseSeedGenerator(DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 }).Records().ToList();
        var companies = records.Where(e => e.LogicalName == "cdm_company").Select(e => e.Id).ToList();

        var groupTen = records.Where(e => e.LogicalName == "msdyn_vendorgroup" && e.GetAttributeValue<string>("msdyn_vendorgroup") == "10")
            .Select(e => e.GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>("msdyn_company").Id).ToList();

        Assert.Equal(3, companies.Count);
        Assert.Equal(companies.OrderBy(id => id), groupTen.OrderBy(id => id));
    }

    [Fact]
    public void The_large_seed_is_generated_lazily()
    {
        var records = new DataverseSeedGenerator(DataverseSeedOptions.Large(int.MaxValue)).Records();

        Assert.Equal(1000, records.Take(1000).Count()); // a list of int.MaxValue records would never get here
    }
}
