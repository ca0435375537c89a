using System;
using System.Globalization;
using System.Xml;

namespace DualWrite.Plugins.Registration.Tables;

/// <summary>
/// Writes a table's <c>Entities/&lt;name&gt;/Entity.xml</c> in SolutionPackager's unpacked layout: the entity, its
/// primary key and columns, and its alternate key. Organization owned, no forms or views (nobody edits these rows by
/// hand; the maker portal's default views list them).
/// </summary>
public static class EntityXml
{
    public const string Version = "1.0.0.0";

    public static void Write(XmlWriter w, TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(table);
        w.WriteStartElement("Entity");
        w.WriteStartElement("Name");
        w.WriteAttributeString("LocalizedName", table.DisplayName);
        w.WriteAttributeString("OriginalName", table.DisplayName);
        w.WriteString(table.LogicalName);
        w.WriteEndElement();
        w.WriteStartElement("EntityInfo");
        w.WriteStartElement("entity");
        w.WriteAttributeString("Name", table.LogicalName);
        Labels(w, "LocalizedNames", "LocalizedName", table.DisplayName);
        Labels(w, "LocalizedCollectionNames", "LocalizedCollectionName", table.DisplayCollectionName);
        Labels(w, "Descriptions", "Description", table.Description);
        w.WriteStartElement("attributes");
        PrimaryKey(w, table);
        foreach (var column in table.Columns)
        {
            Column(w, table, column, ReferenceEquals(column, table.PrimaryName));
        }

        w.WriteEndElement();
        w.WriteElementString("EntitySetName", table.EntitySet);
        w.WriteElementString("IsDuplicateCheckSupported", "0");
        w.WriteElementString("IsBusinessProcessEnabled", "0");
        w.WriteElementString("IsRequiredOffline", "0");
        w.WriteElementString("IsInteractionCentricEnabled", "0");
        w.WriteElementString("IsCollaboration", "0");
        w.WriteElementString("AutoRouteToOwnerQueue", "0");
        w.WriteElementString("IsConnectionsEnabled", "0");
        w.WriteElementString("IsDocumentManagementEnabled", "0");
        w.WriteElementString("AutoCreateAccessTeams", "0");
        w.WriteElementString("IsOneNoteIntegrationEnabled", "0");
        w.WriteElementString("IsKnowledgeManagementEnabled", "0");
        w.WriteElementString("IsSLAEnabled", "0");
        w.WriteElementString("IsDocumentRecommendationsEnabled", "0");
        w.WriteElementString("IsBPFEntity", "0");
        w.WriteElementString("OwnershipTypeMask", "OrgOwned");
        w.WriteElementString("IsAuditEnabled", "0");
        w.WriteElementString("IsRetrieveAuditEnabled", "0");
        w.WriteElementString("IsRetrieveMultipleAuditEnabled", "0");
        w.WriteElementString("IsActivity", "0");
        w.WriteElementString("ActivityTypeMask", string.Empty);
        w.WriteElementString("IsActivityParty", "0");
        w.WriteElementString("IsReplicated", "0");
        w.WriteElementString("IsReplicationUserFiltered", "0");
        w.WriteElementString("IsMailMergeEnabled", "0");
        w.WriteElementString("IsVisibleInMobile", "0");
        w.WriteElementString("IsVisibleInMobileClient", "0");
        w.WriteElementString("IsReadOnlyInMobileClient", "0");
        w.WriteElementString("IsOfflineInMobileClient", "0");
        w.WriteElementString("DaysSinceRecordLastModified", "0");
        w.WriteElementString("MobileOfflineFilters", string.Empty);
        w.WriteElementString("IsMapiGridEnabled", "0");
        w.WriteElementString("IsReadingPaneEnabled", "0");
        w.WriteElementString("IsQuickCreateEnabled", "0");
        w.WriteElementString("SyncToExternalSearchIndex", "0");
        w.WriteElementString("IntroducedVersion", Version);
        w.WriteElementString("IsCustomizable", "1");
        w.WriteElementString("IsRenameable", "1");
        w.WriteElementString("IsMappable", "0");
        w.WriteElementString("CanModifyAuditSettings", "1");
        w.WriteElementString("CanModifyMobileVisibility", "1");
        w.WriteElementString("CanModifyMobileClientVisibility", "1");
        w.WriteElementString("CanModifyMobileClientReadOnly", "1");
        w.WriteElementString("CanModifyMobileClientOffline", "1");
        w.WriteElementString("CanModifyConnectionSettings", "1");
        w.WriteElementString("CanModifyDuplicateDetectionSettings", "1");
        w.WriteElementString("CanModifyMailMergeSettings", "1");
        w.WriteElementString("CanModifyQueueSettings", "1");
        w.WriteElementString("CanCreateAttributes", "1");
        w.WriteElementString("CanCreateForms", "1");
        w.WriteElementString("CanCreateCharts", "1");
        w.WriteElementString("CanCreateViews", "1");
        w.WriteElementString("CanModifyAdditionalSettings", "1");
        w.WriteElementString("CanEnableSyncToExternalSearchIndex", "1");
        w.WriteElementString("EnforceStateTransitions", "0");
        w.WriteElementString("EntityHelpUrlEnabled", "0");
        w.WriteElementString("ChangeTrackingEnabled", "0");
        if (table.AlternateKeyName is { } keyName && table.AlternateKeyColumns is { Count: > 0 } keyColumns)
        {
            w.WriteStartElement("EntityKeys");
            w.WriteStartElement("EntityKey");
            w.WriteElementString("Name", keyName);
            w.WriteElementString("LogicalName", keyName);
            w.WriteElementString("IntroducedVersion", Version);
            w.WriteElementString("IsCustomizable", "1");
            w.WriteStartElement("EntityKeyAttributes");
            foreach (var column in keyColumns)
            {
                w.WriteElementString("AttributeName", column);
            }

            w.WriteEndElement();
            Labels(w, "displaynames", "displayname", table.PrimaryName.DisplayName);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void PrimaryKey(XmlWriter w, TableDefinition table)
    {
        w.WriteStartElement("attribute");
        w.WriteAttributeString("PhysicalName", table.PrimaryIdColumn);
        w.WriteElementString("Type", "primarykey");
        w.WriteElementString("Name", table.PrimaryIdColumn);
        w.WriteElementString("LogicalName", table.PrimaryIdColumn);
        w.WriteElementString("RequiredLevel", "systemrequired");
        w.WriteElementString("DisplayMask", "ValidForAdvancedFind|RequiredForGrid");
        w.WriteElementString("ImeMode", "auto");
        w.WriteElementString("ValidForUpdateApi", "0");
        w.WriteElementString("ValidForReadApi", "1");
        w.WriteElementString("ValidForCreateApi", "1");
        w.WriteElementString("IsCustomField", "0");
        w.WriteElementString("IsAuditEnabled", "0");
        w.WriteElementString("IsSecured", "0");
        w.WriteElementString("IntroducedVersion", Version);
        w.WriteElementString("IsCustomizable", "0");
        w.WriteElementString("IsRenameable", "0");
        w.WriteElementString("CanModifySearchSettings", "0");
        w.WriteElementString("CanModifyRequirementLevelSettings", "0");
        w.WriteElementString("CanModifyAdditionalSettings", "0");
        w.WriteElementString("SourceType", "0");
        Labels(w, "displaynames", "displayname", table.DisplayName);
        Labels(w, "Descriptions", "Description", "Unique identifier of the row.");
        w.WriteEndElement();
    }

    private static void Column(XmlWriter w, TableDefinition table, TableColumn column, bool primaryName)
    {
        w.WriteStartElement("attribute");
        w.WriteAttributeString("PhysicalName", column.LogicalName);
        w.WriteElementString("Type", column.Kind switch
        {
            TableColumnKind.Text => "nvarchar",
            TableColumnKind.Memo => "ntext",
            TableColumnKind.Boolean => "bit",
            TableColumnKind.Integer => "int",
            TableColumnKind.BigInteger => "bigint",
            TableColumnKind.DateTime => "datetime",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Not a table column kind."),
        });
        w.WriteElementString("Name", column.LogicalName);
        w.WriteElementString("LogicalName", column.LogicalName);
        w.WriteElementString("RequiredLevel", column.Required ? "required" : "none");
        w.WriteElementString("DisplayMask", primaryName ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm" : "ValidForAdvancedFind|ValidForForm|ValidForGrid");
        w.WriteElementString("ImeMode", "auto");
        w.WriteElementString("ValidForUpdateApi", "1");
        w.WriteElementString("ValidForReadApi", "1");
        w.WriteElementString("ValidForCreateApi", "1");
        w.WriteElementString("IsCustomField", "1");
        w.WriteElementString("IsAuditEnabled", "0");
        w.WriteElementString("IsSecured", "0");
        w.WriteElementString("IntroducedVersion", Version);
        w.WriteElementString("IsCustomizable", "1");
        w.WriteElementString("IsRenameable", "1");
        w.WriteElementString("CanModifySearchSettings", "1");
        w.WriteElementString("CanModifyRequirementLevelSettings", "1");
        w.WriteElementString("CanModifyAdditionalSettings", "1");
        w.WriteElementString("SourceType", "0");
        switch (column.Kind)
        {
            case TableColumnKind.Text:
                w.WriteElementString("Format", "text");
                w.WriteElementString("MaxLength", column.MaxLength.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("Length", (column.MaxLength * 2).ToString(CultureInfo.InvariantCulture));
                break;
            case TableColumnKind.Memo:
                w.WriteElementString("Format", "TextArea");
                w.WriteElementString("MaxLength", column.MaxLength.ToString(CultureInfo.InvariantCulture));
                break;
            case TableColumnKind.Integer:
                w.WriteElementString("Format", "none");
                w.WriteElementString("MinValue", "0");
                w.WriteElementString("MaxValue", int.MaxValue.ToString(CultureInfo.InvariantCulture));
                break;
            case TableColumnKind.BigInteger:
                w.WriteElementString("MinValue", long.MinValue.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("MaxValue", long.MaxValue.ToString(CultureInfo.InvariantCulture));
                break;
            case TableColumnKind.DateTime:
                w.WriteElementString("Format", "datetime");
                w.WriteElementString("CanChangeDateTimeBehavior", "1");
                w.WriteElementString("Behavior", "1");
                break;
            case TableColumnKind.Boolean:
                w.WriteElementString("AppDefaultValue", "0");
                w.WriteStartElement("optionset");
                w.WriteAttributeString("Name", table.LogicalName + "_" + column.LogicalName);
                w.WriteElementString("OptionSetType", "bit");
                w.WriteElementString("IntroducedVersion", Version);
                w.WriteElementString("IsCustomizable", "1");
                Labels(w, "displaynames", "displayname", column.DisplayName);
                Labels(w, "Descriptions", "Description", column.Description);
                w.WriteStartElement("options");
                Option(w, "1", "Yes");
                Option(w, "0", "No");
                w.WriteEndElement();
                w.WriteEndElement();
                break;
        }

        Labels(w, "displaynames", "displayname", column.DisplayName);
        Labels(w, "Descriptions", "Description", column.Description);
        w.WriteEndElement();
    }

    private static void Option(XmlWriter w, string value, string label)
    {
        w.WriteStartElement("option");
        w.WriteAttributeString("value", value);
        w.WriteAttributeString("IsHidden", "0");
        w.WriteStartElement("labels");
        w.WriteStartElement("label");
        w.WriteAttributeString("description", label);
        w.WriteAttributeString("languagecode", "1033");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Labels(XmlWriter w, string collection, string element, string text)
    {
        w.WriteStartElement(collection);
        w.WriteStartElement(element);
        w.WriteAttributeString("description", text);
        w.WriteAttributeString("languagecode", "1033");
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
