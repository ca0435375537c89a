using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Vocabularies;

namespace DualWrite.MapValidation.Metadata;

/// <summary>
/// One service's CSDL model with the questions map validation asks of it: entity sets, fields,
/// keys, alternate keys, enum members and which fields a write must fill.
/// </summary>
public sealed class ServiceSchema
{
    private const string ComputedTerm = "Org.OData.Core.V1.Computed";

    public ServiceSchema(ServiceSide side, string location, IEdmModel model)
    {
        Side = side;
        Location = location ?? throw new ArgumentNullException(nameof(location));
        Model = model ?? throw new ArgumentNullException(nameof(model));
    }

    public ServiceSide Side { get; }

    /// <summary>The file or URL the document came from, quoted in messages.</summary>
    public string Location { get; }

    public IEdmModel Model { get; }

    public IEdmEntityType? FindEntityTypeOfSet(string entitySet) =>
        Model.EntityContainer?.FindEntitySet(entitySet)?.EntityType();

    /// <summary>Every alternate key of a type (OData.Community.Keys.V1.AlternateKeys), each as its property names.</summary>
    public IReadOnlyList<IReadOnlyCollection<string>> AlternateKeys(IEdmEntityType type) =>
        DeclaredAlternateKeys(type).Select(key => (IReadOnlyCollection<string>)key.Values.Select(property => property.Name).ToList()).ToList();

    /// <summary>Every alternate key of a type as its aliases (<c>msdyn_company</c>, not <c>_msdyn_company_value</c>), for messages.</summary>
    public IReadOnlyList<IReadOnlyCollection<string>> AlternateKeyAliases(IEdmEntityType type) =>
        DeclaredAlternateKeys(type).Select(key => (IReadOnlyCollection<string>)key.Keys.ToList()).ToList();

    private IEnumerable<IDictionary<string, IEdmProperty>> DeclaredAlternateKeys(IEdmEntityType type) =>
        Model.GetAlternateKeysAnnotation(type) ?? Enumerable.Empty<IDictionary<string, IEdmProperty>>();

    /// <summary>
    /// Fields a create must supply. A property is required when it is Nullable="false", not computed
    /// and without a default — except, on F&amp;O, enums and non-string primitives that are not keys: F&amp;O
    /// publishes every enum, number and date Nullable="false" because X++ has no null, and fills the
    /// first member, 0 or the empty date itself when a create omits them. On
    /// Dataverse the primary key is assigned by the service.
    /// </summary>
    public IReadOnlyList<IEdmStructuralProperty> RequiredProperties(IEdmEntityType type)
    {
        var keys = new HashSet<string>(type.Key().Select(key => key.Name), StringComparer.Ordinal);
        return type.StructuralProperties()
            .Where(property => !property.Type.IsNullable
                && property.DefaultValueString is null
                && !IsComputed(property)
                && (Side == ServiceSide.FinOps
                    ? keys.Contains(property.Name) || property.Type.IsString() || property.Type.IsGuid()
                    : !keys.Contains(property.Name)))
            .ToList();
    }

    public bool IsComputed(IEdmProperty property) =>
        Model.FindVocabularyAnnotations(property)
            .Any(annotation => annotation.Term.FullName() == ComputedTerm
                && (annotation.Value is not IEdmBooleanConstantExpression constant || constant.Value));

    public static string Describe(IEdmTypeReference type) =>
        type.IsEnum() ? "enum " + type.Definition.FullTypeName() : type.Definition.FullTypeName();
}
