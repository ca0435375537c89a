using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using DualWrite.MapValidation.Metadata;
using DualWrite.MapValidation.Validation;
using DualWrite.Plugins.Registration.Tables;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// Generates the DualWrite Dataverse solution in SolutionPackager's unpacked layout from the maps:
/// Other/Solution.xml, Other/Customizations.xml, the plug-in assembly's data file and one
/// SdkMessageProcessingSteps/{id}.xml per write-through step. Pure: it returns the files (relative path →
/// text) so a test can compare them with the committed folder without a process.
/// </summary>
public static class SolutionGenerator
{
    public const string SolutionUniqueName = "DualWrite";
    public const string SolutionVersion = "1.0.0.0";
    public const string PublisherUniqueName = "DualWrite";
    public const string PublisherPrefix = "dw";
    public const int PublisherOptionValuePrefix = 10470;

    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    // SdkMessage ids are the same in every Dataverse organization.
    private static readonly IReadOnlyDictionary<string, string> MessageIds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Create"] = "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8",
        ["Update"] = "20bebb1b-ea3e-db11-86a7-000a3a5473e8",
        ["Delete"] = "c2c5bb1b-ea3e-db11-86a7-000a3a5473e8",
    };

    /// <summary>F&amp;O's $metadata beside the maps (<c>&lt;maps&gt;/metadata/fno.xml</c>): which properties do not accept null.</summary>
    public static FinOpsNullability ReadFinOpsMetadata(string mapsDirectory)
    {
        var path = FinOpsNullability.DefaultPath(mapsDirectory);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("No F&O metadata at '" + Path.GetFullPath(path) + "': the steps need it to know which F&O properties do not accept null.");
        }

        return FinOpsNullability.Parse(File.ReadAllText(path));
    }

    /// <summary>The solution's files: relative path (with '/') → content, sorted by path.</summary>
    /// <param name="maps">The map files.</param>
    /// <param name="finOpsMetadata">F&amp;O's nullability, carried into each step's configuration (see <see cref="WriteThroughSteps.For"/>).</param>
    public static SortedDictionary<string, string> Generate(IEnumerable<MapFile> maps, FinOpsNullability? finOpsMetadata = null)
    {
        var steps = WriteThroughSteps.For(maps, finOpsMetadata);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Other/Solution.xml"] = SolutionXml(steps),
            ["Other/Customizations.xml"] = CustomizationsXml(),
            [AssemblyFolder + "/" + PluginAssemblyIdentity.FileStem + ".dll.data.xml"] = AssemblyDataXml(),
        };
        foreach (var step in steps)
        {
            files["SdkMessageProcessingSteps/" + Braced(step.Id) + ".xml"] = StepXml(step);
        }

        // The tables the plug-in and the listener share: importing the solution creates them before any step runs.
        foreach (var table in DualWriteTables.All)
        {
            files[EntityFile(table)] = Document(w => EntityXml.Write(w, table));
        }

        return files;
    }

    /// <summary>Entities/&lt;table&gt;/Entity.xml: where the packer expects a table's definition.</summary>
    public static string EntityFile(TableDefinition table) => "Entities/" + table.LogicalName + "/Entity.xml";

    /// <summary>PluginAssemblies/DualWritePlugins-&lt;ASSEMBLY-ID&gt;: where the packer expects the .dll next to its data file.</summary>
    public static string AssemblyFolder =>
        "PluginAssemblies/" + PluginAssemblyIdentity.FileStem + "-" + PluginAssemblyIdentity.AssemblyId.ToString("D").ToUpperInvariant();

    private static string SolutionXml(IReadOnlyList<StepDefinition> steps) => Document(w =>
    {
        w.WriteStartElement("ImportExportXml");
        w.WriteAttributeString("version", "9.2.0.0");
        w.WriteAttributeString("SolutionPackageVersion", "9.2");
        w.WriteAttributeString("languagecode", "1033");
        w.WriteAttributeString("generatedBy", "CrmLive");
        w.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        w.WriteStartElement("SolutionManifest");
        w.WriteElementString("UniqueName", SolutionUniqueName);
        LocalizedNames(w, "DualWrite");
        w.WriteStartElement("Descriptions");
        Localized(w, "Description", "Write-through of Dataverse saves to Dynamics 365 Finance and Operations (generated from Shared/maps; do not edit).");
        w.WriteEndElement();
        w.WriteElementString("Version", SolutionVersion);
        w.WriteElementString("Managed", "0");
        w.WriteStartElement("Publisher");
        w.WriteElementString("UniqueName", PublisherUniqueName);
        LocalizedNames(w, "DualWrite");
        w.WriteStartElement("Descriptions");
        Localized(w, "Description", "The DualWrite open-source project.");
        w.WriteEndElement();
        Nil(w, "EMailAddress");
        Nil(w, "SupportingWebsiteUrl");
        w.WriteElementString("CustomizationPrefix", PublisherPrefix);
        w.WriteElementString("CustomizationOptionValuePrefix", PublisherOptionValuePrefix.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteStartElement("RootComponents");
        foreach (var table in DualWriteTables.All)
        {
            // Tables are named, not numbered, in the manifest (component type 1).
            w.WriteStartElement("RootComponent");
            w.WriteAttributeString("type", "1");
            w.WriteAttributeString("schemaName", table.LogicalName);
            w.WriteAttributeString("behavior", "0");
            w.WriteEndElement();
        }

        RootComponent(w, 91, PluginAssemblyIdentity.AssemblyId, PluginAssemblyIdentity.FullName);
        foreach (var step in steps)
        {
            RootComponent(w, 92, step.Id, null);
        }

        w.WriteEndElement();
        w.WriteStartElement("MissingDependencies");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static string CustomizationsXml() => Document(w =>
    {
        w.WriteStartElement("ImportExportXml");
        w.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        foreach (var section in new[] { "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships", "OrganizationSettings", "optionsets", "CustomControls", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "EntityDataProviders" })
        {
            w.WriteStartElement(section);
            w.WriteEndElement();
        }

        w.WriteStartElement("Languages");
        w.WriteElementString("Language", "1033");
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static string AssemblyDataXml() => Document(w =>
    {
        w.WriteStartElement("PluginAssembly");
        w.WriteAttributeString("FullName", PluginAssemblyIdentity.FullName);
        w.WriteAttributeString("PluginAssemblyId", PluginAssemblyIdentity.AssemblyId.ToString("D"));
        w.WriteAttributeString("CustomizationLevel", "1");
        w.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        w.WriteElementString("IsolationMode", "2");
        w.WriteElementString("SourceType", "0");
        w.WriteElementString("IntroducedVersion", SolutionVersion);
        w.WriteElementString("FileName", "/" + AssemblyFolder + "/" + PluginAssemblyIdentity.FileStem + ".dll");
        w.WriteStartElement("PluginTypes");
        w.WriteStartElement("PluginType");
        w.WriteAttributeString("AssemblyQualifiedName", PluginAssemblyIdentity.PluginTypeQualifiedName);
        w.WriteAttributeString("PluginTypeId", PluginAssemblyIdentity.PluginTypeId.ToString("D"));
        w.WriteAttributeString("Name", PluginAssemblyIdentity.PluginTypeName);
        w.WriteElementString("FriendlyName", "DualWrite write-through");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static string StepXml(StepDefinition step) => Document(w =>
    {
        w.WriteStartElement("SdkMessageProcessingStep");
        w.WriteAttributeString("Name", step.Name);
        w.WriteAttributeString("SdkMessageProcessingStepId", Braced(step.Id));
        w.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        w.WriteElementString("SdkMessageId", MessageIds[step.Message]);
        w.WriteElementString("PluginTypeName", PluginAssemblyIdentity.PluginTypeQualifiedName);
        w.WriteElementString("PluginTypeId", PluginAssemblyIdentity.PluginTypeId.ToString("D"));
        w.WriteElementString("PrimaryEntity", step.Table);
        w.WriteElementString("AsyncAutoDelete", "0");
        w.WriteElementString("Configuration", step.UnsecureConfiguration);
        w.WriteElementString("Description", step.Description);
        w.WriteElementString("FilteringAttributes", string.Join(",", step.FilteringAttributes));
        w.WriteElementString("InvocationSource", "0");
        w.WriteElementString("Mode", step.Mode.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("Rank", step.Rank.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("EventHandlerTypeCode", "4602");
        w.WriteElementString("Stage", step.Stage.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("IsCustomizable", "1");
        w.WriteElementString("IsHidden", "0");
        w.WriteElementString("SupportedDeployment", "0");
        w.WriteElementString("IntroducedVersion", SolutionVersion);
        // No StateCode/StatusCode: the step file has no such elements; import enables the step.
        if (step.PreImage is { } image)
        {
            w.WriteStartElement("SdkMessageProcessingStepImages");
            w.WriteStartElement("SdkMessageProcessingStepImage");
            w.WriteAttributeString("Name", image.Alias);
            w.WriteElementString("SdkMessageProcessingStepImageId", Braced(image.Id));
            w.WriteElementString("Attributes", string.Join(",", image.Attributes));
            w.WriteElementString("EntityAlias", image.Alias);
            w.WriteElementString("ImageType", "0");
            w.WriteElementString("MessagePropertyName", "Target");
            w.WriteElementString("IsCustomizable", "1");
            w.WriteElementString("IntroducedVersion", SolutionVersion);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    private static void LocalizedNames(XmlWriter w, string name)
    {
        w.WriteStartElement("LocalizedNames");
        Localized(w, "LocalizedName", name);
        w.WriteEndElement();
    }

    private static void Localized(XmlWriter w, string element, string description)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("description", description);
        w.WriteAttributeString("languagecode", "1033");
        w.WriteEndElement();
    }

    private static void Nil(XmlWriter w, string element)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("xsi", "nil", XsiNamespace, "true");
        w.WriteEndElement();
    }

    private static void RootComponent(XmlWriter w, int type, Guid id, string? schemaName)
    {
        w.WriteStartElement("RootComponent");
        w.WriteAttributeString("type", type.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("id", Braced(id));
        if (schemaName is not null)
        {
            w.WriteAttributeString("schemaName", schemaName);
        }

        w.WriteAttributeString("behavior", "0");
        w.WriteEndElement();
    }

    private static string Braced(Guid id) => "{" + id.ToString("D") + "}";

    private static string Document(Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
