using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using DualWrite.Emulators.Dataverse.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace DualWrite.Emulators.Dataverse.Schema;

/// <summary>
/// Reads the Dataverse CSDL the maps and the map validator use (Shared/maps/metadata/dataverse.xml) with
/// Microsoft.OData.Edm, so the three never disagree. Lookups are a navigation property plus a _x_value property
/// (the column is x); choice columns are Edm.Int32 and become Picklist when the choices side file lists them;
/// Nullable="false" marks required columns (the file's documented convention).
/// </summary>
public static class CsdlSchemaReader
{
    /// <summary>The CSDL and choices files copied next to the emulator's assembly.</summary>
    public static DataverseSchema ReadDefault()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Schema");
        return Read(Path.Combine(folder, "dataverse.xml"), Path.Combine(folder, "dataverse-choices.json"));
    }

    public static DataverseSchema Read(string csdlPath, string? choicesPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csdlPath);
        IEdmModel model;
        using (var reader = XmlReader.Create(csdlPath))
        {
            if (!CsdlReader.TryParse(reader, out model, out IEnumerable<EdmError> errors))
            {
                throw new InvalidDataException($"'{csdlPath}' is not valid CSDL: {string.Join("; ", errors.Select(e => e.ErrorMessage))}");
            }
        }

        var choices = choicesPath is not null && File.Exists(choicesPath) ? ReadChoiceColumns(File.ReadAllText(choicesPath)) : [];
        var tables = new List<TableSchema>();
        foreach (var set in model.EntityContainer.EntitySets())
        {
            tables.Add(ReadTable(model, set, choices));
        }

        return new DataverseSchema(tables);
    }

    private static TableSchema ReadTable(IEdmModel model, IEdmEntitySet set, HashSet<string> choices)
    {
        var type = set.EntityType();
        var table = type.Name;
        var primaryId = type.Key().Single().Name;
        var navigations = type.DeclaredNavigationProperties()
            .Select(n => new LookupNavigation(n.Name, ColumnOfValueProperty(n.ReferentialConstraint?.PropertyPairs.First().DependentProperty.Name ?? "_" + n.Name + "_value"), ((IEdmEntityType)n.ToEntityType()).Name))
            .ToList();
        var lookupTargets = navigations.GroupBy(n => n.Column, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(n => n.TargetTable).ToArray(), StringComparer.Ordinal);
        var columns = new List<ColumnMetadata>();
        foreach (var property in type.DeclaredStructuralProperties())
        {
            if (property.Name == primaryId)
            {
                continue;
            }

            var required = !property.Type.IsNullable;
            if (IsValueProperty(property.Name))
            {
                var column = ColumnOfValueProperty(property.Name);
                columns.Add(new ColumnMetadata(column, ColumnType.Lookup) { IsRequired = required, Targets = lookupTargets.TryGetValue(column, out var targets) ? targets : [] });
                continue;
            }

            columns.Add(new ColumnMetadata(property.Name, TypeOf(property.Type, choices.Contains(table + "." + property.Name))) { IsRequired = required });
        }

        var keys = new List<AlternateKeyMetadata>();
        foreach (var key in model.GetAlternateKeysAnnotation(type) ?? [])
        {
            var keyColumns = key.Values.Select(p => IsValueProperty(p.Name) ? ColumnOfValueProperty(p.Name) : p.Name).ToList();
            keys.Add(new AlternateKeyMetadata(table + "_" + string.Join("_", key.Keys), keyColumns));
        }

        return new TableSchema
        {
            LogicalName = table,
            EntitySetName = set.Name,
            PrimaryIdAttribute = primaryId,
            Columns = columns,
            AlternateKeys = keys,
            Navigations = navigations,
        };
    }

    private static bool IsValueProperty(string name) => name.Length > 7 && name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal);

    private static string ColumnOfValueProperty(string name) => IsValueProperty(name) ? name[1..^6] : name;

    // Money columns are Edm.Decimal in the Web API's CSDL like decimal columns; without the table definitions the
    // emulator cannot tell them apart, so both are Decimal (the plug-in reads Money and decimal alike). [unconfirmed]
    private static ColumnType TypeOf(IEdmTypeReference type, bool isChoice) => type.PrimitiveKind() switch
    {
        EdmPrimitiveTypeKind.String => ColumnType.String,
        EdmPrimitiveTypeKind.Int32 => isChoice ? ColumnType.Picklist : ColumnType.Integer,
        EdmPrimitiveTypeKind.Int64 => ColumnType.BigInt,
        EdmPrimitiveTypeKind.Decimal => ColumnType.Decimal,
        EdmPrimitiveTypeKind.Double => ColumnType.Double,
        EdmPrimitiveTypeKind.Boolean => ColumnType.Boolean,
        EdmPrimitiveTypeKind.DateTimeOffset or EdmPrimitiveTypeKind.Date => ColumnType.DateTime,
        EdmPrimitiveTypeKind.Guid => ColumnType.UniqueIdentifier,
        _ => throw new InvalidDataException($"Property type {type.FullName()} is not supported by the emulator."),
    };

    /// <summary>"table.column" for every choice column the side file lists.</summary>
    private static HashSet<string> ReadChoiceColumns(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("tables", out var tables))
        {
            foreach (var table in tables.EnumerateObject())
            {
                foreach (var column in table.Value.EnumerateObject())
                {
                    result.Add(table.Name + "." + column.Name);
                }
            }
        }

        return result;
    }
}
