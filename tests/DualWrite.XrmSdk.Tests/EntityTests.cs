using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins Entity behaviour that plug-in code depends on.</summary>
public class EntityTests
{
    [Fact]
    public void Constructors_set_logical_name_id_and_keys()
    {
        var id = Guid.NewGuid();

        Assert.Equal("account", new Entity("account").LogicalName);
        Assert.Equal(id, new Entity("account", id).Id);
        Assert.Equal("A-1", new Entity("account", "accountnumber", "A-1").KeyAttributes["accountnumber"]);

        var keys = new KeyAttributeCollection { { "accountnumber", "A-2" } };
        Assert.Same(keys, new Entity("account", keys).KeyAttributes);
    }

    [Fact]
    public void Attributes_KeyAttributes_FormattedValues_and_RelatedEntities_are_created_lazily()
    {
        var entity = new Entity();

        Assert.NotNull(entity.Attributes);
        Assert.Same(entity.Attributes, entity.Attributes);
        Assert.NotNull(entity.KeyAttributes);
        Assert.NotNull(entity.FormattedValues);
        Assert.NotNull(entity.RelatedEntities);
    }

    [Fact]
    public void The_indexer_reads_and_writes_Attributes()
    {
        var entity = new Entity("account") { ["name"] = "Contoso" };

        Assert.Equal("Contoso", entity.Attributes["name"]);
        Assert.Equal("Contoso", entity["name"]);
    }

    [Fact]
    public void The_indexer_throws_KeyNotFoundException_for_a_missing_attribute()
    {
        var entity = new Entity("account");

        Assert.Throws<KeyNotFoundException>(() => entity["missing"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Empty_attribute_names_throw_ArgumentNullException(string? name)
    {
        var entity = new Entity("account");

        Assert.Throws<ArgumentNullException>(() => entity[name]);
        Assert.Throws<ArgumentNullException>(() => entity[name] = 1);
        Assert.Throws<ArgumentNullException>(() => entity.Contains(name));
        Assert.Throws<ArgumentNullException>(() => entity.GetAttributeValue<string>(name));
        Assert.Throws<ArgumentNullException>(() => entity.TryGetAttributeValue<string>(name, out _));
    }

    [Fact]
    public void Contains_is_true_for_an_attribute_holding_null()
    {
        var entity = new Entity("account") { ["name"] = null };

        Assert.True(entity.Contains("name"));
        Assert.False(entity.Contains("other"));
    }

    [Fact]
    public void GetAttributeValue_returns_default_for_a_missing_attribute()
    {
        var entity = new Entity("account");

        Assert.Null(entity.GetAttributeValue<string>("name"));
        Assert.Equal(0, entity.GetAttributeValue<int>("count"));
        Assert.Null(entity.GetAttributeValue<int?>("count"));
        Assert.Equal(Guid.Empty, entity.GetAttributeValue<Guid>("id"));
    }

    [Fact]
    public void GetAttributeValue_returns_default_for_a_null_value()
    {
        var entity = new Entity("account") { ["count"] = null };

        Assert.Equal(0, entity.GetAttributeValue<int>("count"));
    }

    [Fact]
    public void GetAttributeValue_returns_the_value_of_the_requested_type()
    {
        var money = new Money(10m);
        var entity = new Entity("account") { ["revenue"] = money, ["count"] = 3 };

        Assert.Same(money, entity.GetAttributeValue<Money>("revenue"));
        Assert.Equal(3, entity.GetAttributeValue<int>("count"));
        Assert.Equal(3, entity.GetAttributeValue<int?>("count"));
        Assert.Equal(3, entity.GetAttributeValue<object>("count"));
    }

    [Fact]
    public void GetAttributeValue_of_another_type_throws_InvalidCastException_because_it_is_a_hard_cast()
    {
        var entity = new Entity("account") { ["count"] = 3, ["name"] = "Contoso" };

        Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<string>("count"));
        Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<long>("count"));
        Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<EntityReference>("name"));
    }

    [Fact]
    public void TryGetAttributeValue_reports_presence_and_type()
    {
        var entity = new Entity("account") { ["name"] = "Contoso", ["count"] = 3 };

        Assert.True(entity.TryGetAttributeValue<string>("name", out var name));
        Assert.Equal("Contoso", name);
        Assert.False(entity.TryGetAttributeValue<string>("missing", out var missing));
        Assert.Null(missing);
        Assert.False(entity.TryGetAttributeValue<string>("count", out _));
    }

    [Fact]
    public void ToEntity_of_Entity_is_a_shallow_copy_sharing_Attributes()
    {
        var source = new Entity("account", Guid.NewGuid()) { ["name"] = "Contoso", RowVersion = "7" };

        var copy = source.ToEntity<Entity>();
        copy["name"] = "Fabrikam";

        Assert.NotSame(source, copy);
        Assert.Same(source.Attributes, copy.Attributes);
        Assert.Equal("Fabrikam", source["name"]);
        Assert.Equal(source.Id, copy.Id);
        Assert.Equal("account", copy.LogicalName);
        Assert.Equal("7", copy.RowVersion);
    }

    [Fact]
    public void ToEntity_of_an_early_bound_class_copies_into_that_class()
    {
        var source = new Entity("account", Guid.NewGuid()) { ["name"] = "Contoso" };

        var account = source.ToEntity<EarlyBoundAccount>();

        Assert.IsType<EarlyBoundAccount>(account);
        Assert.Equal(source.Id, account.Id);
        Assert.Equal("account", account.LogicalName);
        Assert.Equal("Contoso", account.Name);
    }

    [Fact]
    public void ToEntity_of_a_class_without_EntityLogicalName_throws_NotSupportedException()
    {
        var source = new Entity("account");

        Assert.Throws<NotSupportedException>(() => source.ToEntity<UnmarkedEntity>());
    }

    [Fact]
    public void ToEntity_of_a_class_for_another_table_throws_NotSupportedException()
    {
        var source = new Entity("contact");

        Assert.Throws<NotSupportedException>(() => source.ToEntity<EarlyBoundAccount>());
    }

    [Fact]
    public void ToEntityReference_copies_logical_name_id_and_row_version_but_not_key_attributes()
    {
        var source = new Entity("account", Guid.NewGuid()) { RowVersion = "42" };
        source.KeyAttributes["accountnumber"] = "A-1";

        var reference = source.ToEntityReference();

        Assert.Equal("account", reference.LogicalName);
        Assert.Equal(source.Id, reference.Id);
        Assert.Equal("42", reference.RowVersion);
        Assert.Empty(reference.KeyAttributes);
    }

    [Fact]
    public void SetAttributeValue_and_GetFormattedAttributeValue_are_reachable_from_early_bound_classes()
    {
        var account = new EarlyBoundAccount { Name = "Contoso" };
        account.FormattedValues["name"] = "Contoso (formatted)";

        Assert.Equal("Contoso", account["name"]);
        Assert.Equal("Contoso (formatted)", account.FormattedName);
        Assert.Null(new EarlyBoundAccount().FormattedName);
    }

    [EntityLogicalName("account")]
    private sealed class EarlyBoundAccount : Entity
    {
        public EarlyBoundAccount()
            : base("account")
        {
        }

        public string Name
        {
            get => GetAttributeValue<string>("name");
            set => SetAttributeValue("name", value);
        }

        public string FormattedName => GetFormattedAttributeValue("name");
    }

    private sealed class UnmarkedEntity : Entity
    {
    }
}
