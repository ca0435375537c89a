using System.Linq;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Schema;

namespace DualWrite.Emulators.Dataverse.Tests.Schema;

public sealed class CsdlSchemaReaderTests
{
    private static readonly DataverseSchema Schema = CsdlSchemaReader.ReadDefault();

    [Fact]
    public void The_standard_maps_tables_and_DualWrites_own_tables_come_with_their_entity_sets()
    {
        Assert.Equal(15, Schema.Tables.Count);
        Assert.True(Schema.TryGetTable("dw_writethrough", out var ledger));
        Assert.Equal("dw_writethroughs", ledger.EntitySetName);
        Assert.True(Schema.TryGetTable("dw_queuedchange", out var queued));
        Assert.Equal("dw_queuedchanges", queued.EntitySetName);
        Assert.True(Schema.TryGetTable("dw_mapstate", out var mapState));
        Assert.Equal(["dw_name"], Assert.Single(mapState.AlternateKeys).Columns);
        Assert.True(Schema.TryGetTable("cdm_company", out var company));
        Assert.Equal("cdm_companies", company.EntitySetName);
        Assert.Equal("cdm_companyid", company.PrimaryIdAttribute);
    }

    [Fact]
    public void Lookup_value_properties_become_lookup_columns_and_key_parts()
    {
        Assert.True(Schema.TryGetTable("account", out var account));

        var company = account.Columns.Single(c => c.LogicalName == "msdyn_company");
        Assert.Equal(ColumnType.Lookup, company.Type);
        Assert.Equal(["cdm_company"], company.Targets);
        var key = Assert.Single(account.AlternateKeys);
        Assert.Equal(["msdyn_company", "accountnumber"], key.Columns);
        Assert.Contains(account.Navigations, n => n.Name == "msdyn_customergroupid" && n.Column == "msdyn_customergroupid" && n.TargetTable == "msdyn_customergroup");
    }

    [Fact]
    public void A_polymorphic_lookup_has_one_navigation_per_target_sharing_its_column()
    {
        Assert.True(Schema.TryGetTable("salesorder", out var order));

        var customer = order.Columns.Single(c => c.LogicalName == "customerid");
        Assert.Equal(["account", "contact"], customer.Targets.OrderBy(t => t, System.StringComparer.Ordinal));
        Assert.Contains(order.Navigations, n => n.Name == "customerid_account" && n.Column == "customerid");
        Assert.Contains(order.Navigations, n => n.Name == "customerid_contact" && n.Column == "customerid");
    }

    [Fact]
    public void Choice_columns_listed_in_the_side_file_are_picklists_and_non_nullable_columns_required()
    {
        Assert.True(Schema.TryGetTable("account", out var account));

        Assert.Equal(ColumnType.Picklist, account.Columns.Single(c => c.LogicalName == "customertypecode").Type);
        Assert.True(account.Columns.Single(c => c.LogicalName == "name").IsRequired);
        Assert.False(account.Columns.Single(c => c.LogicalName == "telephone1").IsRequired);
    }
}
