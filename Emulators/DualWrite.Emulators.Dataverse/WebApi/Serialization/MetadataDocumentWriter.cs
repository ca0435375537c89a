using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Routing;

namespace DualWrite.Emulators.Dataverse.WebApi.Serialization;

/// <summary>
/// Generates $metadata (CSDL 4.0, namespace Microsoft.Dynamics.CRM, alias mscrm) from the engine's tables: entity
/// types with their key, columns (lookups as _x_value Edm.Guid plus a navigation property with a referential
/// constraint), alternate keys as the OData.Community.Keys.V1.AlternateKeys annotation, and one entity set each.
/// </summary>
public static class MetadataDocumentWriter
{
    private const string Edmx = "http://docs.oasis-open.org/odata/ns/edmx";
    private const string Edm = "http://docs.oasis-open.org/odata/ns/edm";

    public static string Write(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("edmx", "Edmx", Edmx);
            writer.WriteAttributeString("Version", "4.0");
            writer.WriteStartElement("edmx", "DataServices", Edmx);
            writer.WriteStartElement("Schema", Edm);
            writer.WriteAttributeString("Namespace", "Microsoft.Dynamics.CRM");
            writer.WriteAttributeString("Alias", "mscrm");
            foreach (var set in model.EntitySets)
            {
                WriteEntityType(writer, set);
            }

            writer.WriteStartElement("EntityContainer", Edm);
            writer.WriteAttributeString("Name", "System");
            foreach (var set in model.EntitySets)
            {
                writer.WriteStartElement("EntitySet", Edm);
                writer.WriteAttributeString("Name", set.Name);
                writer.WriteAttributeString("EntityType", "mscrm." + set.Table.LogicalName);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteEntityType(XmlWriter writer, EntitySetModel set)
    {
        var table = set.Table;
        writer.WriteStartElement("EntityType", Edm);
        writer.WriteAttributeString("Name", table.LogicalName);
        writer.WriteStartElement("Key", Edm);
        writer.WriteStartElement("PropertyRef", Edm);
        writer.WriteAttributeString("Name", table.PrimaryIdAttribute);
        writer.WriteEndElement();
        writer.WriteEndElement();
        foreach (var column in table.Columns.OrderBy(c => c.LogicalName != table.PrimaryIdAttribute).ThenBy(c => c.LogicalName, StringComparer.Ordinal))
        {
            writer.WriteStartElement("Property", Edm);
            writer.WriteAttributeString("Name", EntitySetModel.PropertyOf(column));
            writer.WriteAttributeString("Type", EdmTypeOf(column.Type));
            if (column.LogicalName == table.PrimaryIdAttribute || column.IsRequired)
            {
                writer.WriteAttributeString("Nullable", "false");
            }

            writer.WriteEndElement();
        }

        foreach (var navigation in set.Navigations)
        {
            writer.WriteStartElement("NavigationProperty", Edm);
            writer.WriteAttributeString("Name", navigation.Name);
            writer.WriteAttributeString("Type", "mscrm." + navigation.TargetTable);
            writer.WriteStartElement("ReferentialConstraint", Edm);
            writer.WriteAttributeString("Property", "_" + navigation.Column + "_value");
            writer.WriteAttributeString("ReferencedProperty", navigation.TargetTable + "id");
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        if (table.AlternateKeys.Count > 0)
        {
            WriteAlternateKeys(writer, set);
        }

        writer.WriteEndElement();
    }

    private static void WriteAlternateKeys(XmlWriter writer, EntitySetModel set)
    {
        writer.WriteStartElement("Annotation", Edm);
        writer.WriteAttributeString("Term", "OData.Community.Keys.V1.AlternateKeys");
        writer.WriteStartElement("Collection", Edm);
        foreach (var key in set.Table.AlternateKeys)
        {
            writer.WriteStartElement("Record", Edm);
            writer.WriteAttributeString("Type", "OData.Community.Keys.V1.AlternateKey");
            writer.WriteStartElement("PropertyValue", Edm);
            writer.WriteAttributeString("Property", "Key");
            writer.WriteStartElement("Collection", Edm);
            foreach (var columnName in key.Columns)
            {
                var property = set.Table.TryGetColumn(columnName, out var column) ? EntitySetModel.PropertyOf(column) : columnName;
                writer.WriteStartElement("Record", Edm);
                writer.WriteAttributeString("Type", "OData.Community.Keys.V1.PropertyRef");
                writer.WriteStartElement("PropertyValue", Edm);
                writer.WriteAttributeString("Property", "Alias");
                writer.WriteAttributeString("String", columnName);
                writer.WriteEndElement();
                writer.WriteStartElement("PropertyValue", Edm);
                writer.WriteAttributeString("Property", "Name");
                writer.WriteAttributeString("PropertyPath", property);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static string EdmTypeOf(ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Memo or ColumnType.MultiSelectPicklist => "Edm.String",
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => "Edm.Int32",
        ColumnType.BigInt => "Edm.Int64",
        ColumnType.Decimal or ColumnType.Money => "Edm.Decimal",
        ColumnType.Double => "Edm.Double",
        ColumnType.Boolean => "Edm.Boolean",
        ColumnType.DateTime => "Edm.DateTimeOffset",
        _ => "Edm.Guid",
    };
}
