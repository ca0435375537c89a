using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.XrmSdk.Tests;

/// <summary>
/// Pins accessibility, sealed-ness and base types by reflection. A looser surface here would let
/// plug-in code compile in this repository and then fail against the real Microsoft.Xrm.Sdk.
/// </summary>
public class SurfaceShapeTests
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Assembly Sdk = typeof(Entity).Assembly;

    public static TheoryData<Type> SealedTypes => new()
    {
        typeof(AttributeCollection), typeof(KeyAttributeCollection), typeof(FormattedValueCollection),
        typeof(EntityImageCollection), typeof(OptionSetValueCollection), typeof(EntityReferenceCollection),
        typeof(RelatedEntityCollection), typeof(OrganizationRequestCollection), typeof(ExecuteMultipleResponseItemCollection),
        typeof(OrganizationResponseCollection), typeof(ExecuteTransactionFault),
        typeof(ErrorDetailCollection), typeof(EntityReference), typeof(OptionSetValue), typeof(Money),
        typeof(EntityCollection), typeof(Relationship), typeof(RemoteExecutionContext), typeof(InvalidPluginExecutionException),
        typeof(ExecuteMultipleSettings), typeof(ExecuteMultipleResponseItem), typeof(EntityLogicalNameAttribute),
        typeof(CreateRequest), typeof(CreateResponse), typeof(UpdateRequest), typeof(UpdateResponse),
        typeof(DeleteRequest), typeof(DeleteResponse), typeof(UpsertRequest), typeof(UpsertResponse),
        typeof(RetrieveRequest), typeof(RetrieveResponse), typeof(RetrieveMultipleRequest), typeof(RetrieveMultipleResponse),
        typeof(AssociateRequest), typeof(DisassociateRequest), typeof(ExecuteMultipleRequest), typeof(ExecuteMultipleResponse),
        typeof(ExecuteTransactionRequest), typeof(ExecuteTransactionResponse), typeof(CreateMultipleRequest), typeof(CreateMultipleResponse), typeof(UpdateMultipleRequest),
        typeof(UpsertMultipleRequest), typeof(UpsertMultipleResponse),
        typeof(QueryExpression), typeof(QueryByAttribute), typeof(FetchExpression), typeof(FilterExpression),
        typeof(ConditionExpression), typeof(ColumnSet), typeof(PagingInfo), typeof(OrderExpression), typeof(LinkEntity),
    };

    public static TheoryData<Type> UnsealedTypes => new()
    {
        typeof(ParameterCollection), typeof(Entity), typeof(OrganizationRequest), typeof(OrganizationResponse),
        typeof(OrganizationServiceFault), typeof(DataCollection<>),
    };

    public static TheoryData<Type, string> PrivateSetters => new()
    {
        { typeof(EntityCollection), nameof(EntityCollection.Entities) },
        { typeof(QueryExpression), nameof(QueryExpression.Orders) },
        { typeof(QueryExpression), nameof(QueryExpression.LinkEntities) },
        { typeof(QueryByAttribute), nameof(QueryByAttribute.Attributes) },
        { typeof(QueryByAttribute), nameof(QueryByAttribute.Values) },
        { typeof(QueryByAttribute), nameof(QueryByAttribute.Orders) },
        { typeof(FilterExpression), nameof(FilterExpression.Conditions) },
        { typeof(FilterExpression), nameof(FilterExpression.Filters) },
        { typeof(ConditionExpression), nameof(ConditionExpression.Values) },
        { typeof(ColumnSet), nameof(ColumnSet.Columns) },
        { typeof(LinkEntity), nameof(LinkEntity.LinkEntities) },
        { typeof(LinkEntity), nameof(LinkEntity.Orders) },
    };

    public static TheoryData<Type, string> InternalSetters => new()
    {
        { typeof(DataCollection<string, object>), nameof(DataCollection<string, object>.IsReadOnly) },
        { typeof(Entity), nameof(Entity.FormattedValues) },
        { typeof(Entity), nameof(Entity.RelatedEntities) },
    };

    [Theory]
    [MemberData(nameof(SealedTypes))]
    public void Types_sealed_in_the_real_sdk_are_sealed(Type type)
    {
        Assert.True(type.IsSealed, $"{type.Name} must be sealed");
    }

    [Theory]
    [MemberData(nameof(UnsealedTypes))]
    public void Types_open_in_the_real_sdk_are_not_sealed(Type type)
    {
        Assert.False(type.IsSealed, $"{type.Name} must not be sealed");
    }

    [Fact]
    public void ParameterCollection_is_not_sealed_and_has_a_protected_dictionary_constructor()
    {
        var constructor = typeof(ParameterCollection).GetConstructor(Instance, null, new[] { typeof(IDictionary<string, object>) }, null);

        Assert.False(typeof(ParameterCollection).IsSealed);
        Assert.NotNull(constructor);
        Assert.True(constructor.IsFamily);
    }

    [Fact]
    public void DataCollection_of_T_has_no_public_or_protected_constructors()
    {
        var constructors = typeof(DataCollection<>).GetConstructors(Instance);

        Assert.Empty(typeof(DataCollection<>).GetConstructors());
        Assert.Equal(2, constructors.Length);
        Assert.All(constructors, c => Assert.True(c.IsAssembly, $"{c} must be internal"));
    }

    [Fact]
    public void DataCollection_of_TKey_TValue_is_abstract_with_protected_internal_constructors()
    {
        var type = typeof(DataCollection<,>);

        Assert.True(type.IsAbstract);
        Assert.Empty(type.GetConstructors());
        Assert.All(type.GetConstructors(Instance), c => Assert.True(c.IsFamilyOrAssembly, $"{c} must be protected internal"));
    }

    [Fact]
    public void DataCollection_of_TKey_TValue_is_only_an_enumerable_and_not_a_dictionary()
    {
        var interfaces = typeof(DataCollection<string, object>).GetInterfaces();

        Assert.DoesNotContain(typeof(IDictionary<string, object>), interfaces);
        Assert.DoesNotContain(typeof(IReadOnlyDictionary<string, object>), interfaces);
        Assert.DoesNotContain(typeof(IDictionary), interfaces);
        Assert.DoesNotContain(typeof(ICollection<KeyValuePair<string, object>>), interfaces);
        Assert.Equal(
            new[] { typeof(IEnumerable), typeof(IEnumerable<KeyValuePair<string, object>>) }.OrderBy(t => t.FullName),
            interfaces.OrderBy(t => t.FullName));
    }

    [Fact]
    public void DataCollection_indexer_and_IsReadOnly_are_virtual()
    {
        var type = typeof(DataCollection<string, object>);

        Assert.True(type.GetProperty("Item")!.GetMethod!.IsVirtual);
        Assert.True(type.GetProperty(nameof(ParameterCollection.IsReadOnly))!.GetMethod!.IsVirtual);
    }

    [Theory]
    [MemberData(nameof(PrivateSetters))]
    public void Collection_properties_have_private_setters(Type type, string property)
    {
        var info = type.GetProperty(property)!;

        Assert.True(info.GetMethod!.IsPublic);
        Assert.NotNull(info.SetMethod);
        Assert.True(info.SetMethod!.IsPrivate, $"{type.Name}.{property} setter must be private");
    }

    [Theory]
    [MemberData(nameof(InternalSetters))]
    public void Platform_owned_properties_have_internal_setters(Type type, string property)
    {
        var info = type.GetProperty(property)!;

        Assert.True(info.GetMethod!.IsPublic);
        Assert.True(info.SetMethod!.IsAssembly, $"{type.Name}.{property} setter must be internal");
    }

    [Fact]
    public void QueryBase_cannot_be_subclassed_outside_the_sdk()
    {
        var type = typeof(QueryBase);
        var members = type.GetMembers(Instance | BindingFlags.DeclaredOnly).OfType<MethodInfo>();

        Assert.True(type.IsAbstract);
        Assert.Contains(members, m => m.IsAbstract && m.IsAssembly);
        Assert.Empty(type.GetConstructors());
        Assert.DoesNotContain(type.GetConstructors(Instance), c => c.IsFamily || c.IsFamilyOrAssembly);
    }

    [Fact]
    public void Query_types_derive_from_QueryBase()
    {
        Assert.Equal(typeof(QueryBase), typeof(QueryExpression).BaseType);
        Assert.Equal(typeof(QueryBase), typeof(QueryByAttribute).BaseType);
        Assert.Equal(typeof(QueryBase), typeof(FetchExpression).BaseType);
    }

    [Fact]
    public void Typed_response_properties_are_read_only()
    {
        var responses = Sdk.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(OrganizationResponse)));

        foreach (var response in responses)
        {
            foreach (var property in response.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                Assert.False(property.CanWrite, $"{response.Name}.{property.Name} must be get-only");
            }
        }
    }

    [Fact]
    public void Execution_context_interfaces_expose_only_getters()
    {
        var interfaces = new[]
        {
            typeof(IExecutionContext), typeof(IPluginExecutionContext), typeof(IPluginExecutionContext2),
            typeof(IPluginExecutionContext3), typeof(IPluginExecutionContext4), typeof(IPluginExecutionContext5),
            typeof(IPluginExecutionContext6), typeof(IPluginExecutionContext7),
        };

        foreach (var type in interfaces)
        {
            Assert.All(type.GetProperties(), p => Assert.False(p.CanWrite, $"{type.Name}.{p.Name} must be get-only"));
        }

        Assert.Contains(typeof(IPluginExecutionContext6), typeof(IPluginExecutionContext7).GetInterfaces());
        Assert.Contains(typeof(IExecutionContext), typeof(IPluginExecutionContext2).GetInterfaces());
    }

    [Fact]
    public void RemoteExecutionContext_implements_ParentContext_explicitly()
    {
        var property = typeof(RemoteExecutionContext).GetProperty(nameof(RemoteExecutionContext.ParentContext));

        Assert.Equal(typeof(RemoteExecutionContext), property!.PropertyType);
        Assert.True(typeof(IPluginExecutionContext).IsAssignableFrom(typeof(RemoteExecutionContext)));
    }

    [Fact]
    public void Faults_are_serializable_and_BaseServiceFault_is_abstract()
    {
        Assert.True(typeof(BaseServiceFault).IsAbstract);
        Assert.True(Attribute.IsDefined(typeof(BaseServiceFault), typeof(SerializableAttribute)));
        Assert.True(Attribute.IsDefined(typeof(OrganizationServiceFault), typeof(SerializableAttribute)));
        Assert.Equal(typeof(BaseServiceFault), typeof(OrganizationServiceFault).BaseType);
        Assert.True(Attribute.IsDefined(typeof(ExecuteTransactionFault), typeof(SerializableAttribute)));
        Assert.Equal(typeof(OrganizationServiceFault), typeof(ExecuteTransactionFault).BaseType);
    }

    [Fact]
    public void Internals_are_opened_only_to_the_emulator_and_test_assemblies()
    {
        var friends = Sdk.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(
            new[] { "DualWrite.Emulators.Dataverse", "DualWrite.Emulators.Dataverse.Tests", "DualWrite.Plugins.Tests", "DualWrite.XrmSdk.Tests" },
            friends);
    }

    [Fact]
    public void The_assembly_is_named_like_the_real_sdk()
    {
        Assert.Equal("Microsoft.Xrm.Sdk", Sdk.GetName().Name);
    }

    [Fact]
    public void The_public_surface_is_exactly_the_expected_set_of_types()
    {
        var expected = new[]
        {
            "Microsoft.Xrm.Sdk.AttributeCollection", "Microsoft.Xrm.Sdk.BaseServiceFault", "Microsoft.Xrm.Sdk.ConcurrencyBehavior",
            "Microsoft.Xrm.Sdk.DataCollection`1", "Microsoft.Xrm.Sdk.DataCollection`2", "Microsoft.Xrm.Sdk.Entity",
            "Microsoft.Xrm.Sdk.EntityCollection", "Microsoft.Xrm.Sdk.EntityImageCollection", "Microsoft.Xrm.Sdk.EntityReference",
            "Microsoft.Xrm.Sdk.EntityReferenceCollection", "Microsoft.Xrm.Sdk.EntityRole", "Microsoft.Xrm.Sdk.EntityState",
            "Microsoft.Xrm.Sdk.ErrorDetailCollection", "Microsoft.Xrm.Sdk.ExecuteMultipleResponseItem",
            "Microsoft.Xrm.Sdk.ExecuteMultipleResponseItemCollection", "Microsoft.Xrm.Sdk.ExecuteMultipleSettings",
            "Microsoft.Xrm.Sdk.ExecuteTransactionFault", "Microsoft.Xrm.Sdk.OrganizationResponseCollection",
            "Microsoft.Xrm.Sdk.FormattedValueCollection", "Microsoft.Xrm.Sdk.IExecutionContext", "Microsoft.Xrm.Sdk.IOrganizationService",
            "Microsoft.Xrm.Sdk.IOrganizationServiceFactory", "Microsoft.Xrm.Sdk.IPlugin", "Microsoft.Xrm.Sdk.IPluginExecutionContext",
            "Microsoft.Xrm.Sdk.IPluginExecutionContext2", "Microsoft.Xrm.Sdk.IPluginExecutionContext3", "Microsoft.Xrm.Sdk.IPluginExecutionContext4",
            "Microsoft.Xrm.Sdk.IPluginExecutionContext5", "Microsoft.Xrm.Sdk.IPluginExecutionContext6", "Microsoft.Xrm.Sdk.IPluginExecutionContext7",
            "Microsoft.Xrm.Sdk.IServiceEndpointNotificationService", "Microsoft.Xrm.Sdk.ITracingService",
            "Microsoft.Xrm.Sdk.InvalidPluginExecutionException", "Microsoft.Xrm.Sdk.KeyAttributeCollection", "Microsoft.Xrm.Sdk.Money",
            "Microsoft.Xrm.Sdk.OperationStatus", "Microsoft.Xrm.Sdk.OptionSetValue", "Microsoft.Xrm.Sdk.OptionSetValueCollection",
            "Microsoft.Xrm.Sdk.OrganizationRequest", "Microsoft.Xrm.Sdk.OrganizationRequestCollection", "Microsoft.Xrm.Sdk.OrganizationResponse",
            "Microsoft.Xrm.Sdk.OrganizationServiceFault", "Microsoft.Xrm.Sdk.ParameterCollection", "Microsoft.Xrm.Sdk.PluginHttpStatusCode",
            "Microsoft.Xrm.Sdk.RelatedEntityCollection", "Microsoft.Xrm.Sdk.Relationship", "Microsoft.Xrm.Sdk.RemoteExecutionContext",
            "Microsoft.Xrm.Sdk.Client.EntityLogicalNameAttribute",
            "Microsoft.Xrm.Sdk.Messages.AssociateRequest", "Microsoft.Xrm.Sdk.Messages.AssociateResponse",
            "Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest", "Microsoft.Xrm.Sdk.Messages.CreateMultipleResponse",
            "Microsoft.Xrm.Sdk.Messages.CreateRequest", "Microsoft.Xrm.Sdk.Messages.CreateResponse",
            "Microsoft.Xrm.Sdk.Messages.DeleteRequest", "Microsoft.Xrm.Sdk.Messages.DeleteResponse",
            "Microsoft.Xrm.Sdk.Messages.DisassociateRequest", "Microsoft.Xrm.Sdk.Messages.DisassociateResponse",
            "Microsoft.Xrm.Sdk.Messages.ExecuteMultipleRequest", "Microsoft.Xrm.Sdk.Messages.ExecuteMultipleResponse",
            "Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest", "Microsoft.Xrm.Sdk.Messages.ExecuteTransactionResponse",
            "Microsoft.Xrm.Sdk.Messages.RetrieveMultipleRequest", "Microsoft.Xrm.Sdk.Messages.RetrieveMultipleResponse",
            "Microsoft.Xrm.Sdk.Messages.RetrieveRequest", "Microsoft.Xrm.Sdk.Messages.RetrieveResponse",
            "Microsoft.Xrm.Sdk.Messages.UpdateMultipleRequest", "Microsoft.Xrm.Sdk.Messages.UpdateMultipleResponse",
            "Microsoft.Xrm.Sdk.Messages.UpdateRequest", "Microsoft.Xrm.Sdk.Messages.UpdateResponse",
            "Microsoft.Xrm.Sdk.Messages.UpsertMultipleRequest", "Microsoft.Xrm.Sdk.Messages.UpsertMultipleResponse",
            "Microsoft.Xrm.Sdk.Messages.UpsertRequest", "Microsoft.Xrm.Sdk.Messages.UpsertResponse",
            "Microsoft.Xrm.Sdk.Query.ColumnSet", "Microsoft.Xrm.Sdk.Query.ConditionExpression", "Microsoft.Xrm.Sdk.Query.ConditionOperator",
            "Microsoft.Xrm.Sdk.Query.FetchExpression", "Microsoft.Xrm.Sdk.Query.FilterExpression", "Microsoft.Xrm.Sdk.Query.JoinOperator",
            "Microsoft.Xrm.Sdk.Query.LinkEntity", "Microsoft.Xrm.Sdk.Query.LogicalOperator", "Microsoft.Xrm.Sdk.Query.OrderExpression",
            "Microsoft.Xrm.Sdk.Query.OrderType", "Microsoft.Xrm.Sdk.Query.PagingInfo", "Microsoft.Xrm.Sdk.Query.QueryBase",
            "Microsoft.Xrm.Sdk.Query.QueryByAttribute", "Microsoft.Xrm.Sdk.Query.QueryExpression",
        };

        var actual = Sdk.GetExportedTypes().Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), actual);
    }
}
