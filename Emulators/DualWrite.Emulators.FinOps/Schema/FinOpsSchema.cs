using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.V1;

namespace DualWrite.Emulators.FinOps.Schema;

/// <summary>
/// The emulator's schema, read from the same CSDL the maps are validated against
/// (Shared/maps/metadata/fno.xml, embedded), so maps, validator and emulator cannot disagree.
/// </summary>
public sealed class FinOpsSchema
{
    private const string ResourceName = "DualWrite.Emulators.FinOps.fno.xml";
    private readonly Dictionary<string, EntitySetSchema> _sets;

    private FinOpsSchema(IEdmModel model, IReadOnlyList<EntitySetSchema> sets)
    {
        Model = model;
        EntitySets = sets;
        _sets = sets.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public IEdmModel Model { get; }

    public IReadOnlyList<EntitySetSchema> EntitySets { get; }

    /// <summary>The standard entities from the embedded fno.xml (parsed once: the model is immutable).</summary>
    public static FinOpsSchema Standard { get; } = LoadEmbedded();

    /// <summary>Entity set names are case-sensitive in F&amp;O.</summary>
    public EntitySetSchema? Find(string entitySet) => _sets.TryGetValue(entitySet, out var set) ? set : null;

    public EntitySetSchema Get(string entitySet) =>
        Find(entitySet) ?? throw new ArgumentException("The schema has no entity set '" + entitySet + "'.", nameof(entitySet));

    /// <summary>Reads a CSDL document; every CSDL error is reported at once.</summary>
    public static FinOpsSchema Load(TextReader csdl)
    {
        ArgumentNullException.ThrowIfNull(csdl);
        using var xml = XmlReader.Create(csdl);
        if (!CsdlReader.TryParse(xml, out IEdmModel model, out IEnumerable<EdmError> errors))
        {
            throw new InvalidDataException("The F&O CSDL cannot be read: " + string.Join("; ", errors.Select(e => e.ToString())));
        }

        var container = model.EntityContainer ?? throw new InvalidDataException("The F&O CSDL has no entity container.");
        var sets = container.EntitySets().Select(s => BuildSet(model, s)).ToList();
        return new FinOpsSchema(model, sets);
    }

    private static FinOpsSchema LoadEmbedded()
    {
        using var stream = typeof(FinOpsSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded resource " + ResourceName + " is missing from the build.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    private static EntitySetSchema BuildSet(IEdmModel model, IEdmEntitySet set)
    {
        var type = set.EntityType();
        var keyNames = type.Key().Select(k => k.Name).ToList();
        var fields = new List<FieldSchema>();

        // Key fields first, in key order, then the rest in CSDL order: the row layout puts the key up front.
        var properties = type.StructuralProperties()
            .OrderBy(p => keyNames.IndexOf(p.Name) is var i && i >= 0 ? i : int.MaxValue)
            .ToList();
        foreach (var property in properties)
        {
            fields.Add(BuildField(model, property, fields.Count, keyNames.Contains(property.Name)));
        }

        return new EntitySetSchema(set.Name, type.FullName(), fields);
    }

    private static FieldSchema BuildField(IEdmModel model, IEdmStructuralProperty property, int index, bool isKey)
    {
        var typeRef = property.Type;
        var computed = model.FindVocabularyAnnotations<IEdmVocabularyAnnotation>(property, CoreVocabularyModel.ComputedTerm)
            .Any(a => a.Value is IEdmBooleanConstantExpression { Value: true });
        if (typeRef.IsEnum())
        {
            var enumType = (IEdmEnumType)typeRef.Definition;
            var members = enumType.Members.Select(m => m.Name).ToArray();
            return new FieldSchema(property.Name, index, FieldKind.Enum, isKey, typeRef.IsNullable, computed, null, enumType.FullName(), members);
        }

        var kind = typeRef.PrimitiveKind() switch
        {
            EdmPrimitiveTypeKind.String => FieldKind.String,
            EdmPrimitiveTypeKind.Decimal => FieldKind.Decimal,
            EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Byte => FieldKind.Int32,
            EdmPrimitiveTypeKind.Int64 => FieldKind.Int64,
            EdmPrimitiveTypeKind.Boolean => FieldKind.Boolean,
            EdmPrimitiveTypeKind.Guid => FieldKind.Guid,
            EdmPrimitiveTypeKind.DateTimeOffset or EdmPrimitiveTypeKind.Date => FieldKind.DateTimeOffset,
            var other => throw new InvalidDataException(
                "The property " + property.DeclaringType + "." + property.Name + " has the type " + other + ", which the emulator does not hold."),
        };
        var maxLength = typeRef.IsString() ? typeRef.AsString().MaxLength : null;
        return new FieldSchema(property.Name, index, kind, isKey, typeRef.IsNullable, computed, maxLength, null, Array.Empty<string>());
    }
}
