using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace DualWrite.MapValidation.Metadata;

/// <summary>
/// Which F&amp;O properties do not accept null, read from F&amp;O's CSDL ($metadata, Nullable="false"). The
/// plug-in cannot read $metadata in the sandbox, so the generator writes what it needs into each step's
/// configuration (<c>finOpsNotNullable</c>): an empty form field then fails with the property's name instead
/// of F&amp;O's "A null value was found".
/// </summary>
public sealed class FinOpsNullability
{
    public const string DefaultFileName = "fno.xml";

    private const string ComputedTerm = "Org.OData.Core.V1.Computed";

    private readonly Dictionary<string, IReadOnlyList<string>> _bySet;

    private FinOpsNullability(Dictionary<string, IReadOnlyList<string>> bySet)
    {
        _bySet = bySet;
    }

    /// <summary>Where the generator looks by default: <c>&lt;maps&gt;/metadata/fno.xml</c>.</summary>
    public static string DefaultPath(string mapsDirectory) => Path.Combine(mapsDirectory, "metadata", DefaultFileName);

    /// <summary>Reads a CSDL document; an entity set whose type is not declared is an error naming it.</summary>
    public static FinOpsNullability Parse(string csdl)
    {
        var document = XDocument.Parse(csdl ?? throw new ArgumentNullException(nameof(csdl)));
        var types = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var schema in document.Descendants().Where(e => e.Name.LocalName == "Schema"))
        {
            var ns = (string?)schema.Attribute("Namespace") ?? string.Empty;
            foreach (var type in schema.Elements().Where(e => e.Name.LocalName == "EntityType"))
            {
                types[ns + "." + (string?)type.Attribute("Name")] = type;
            }
        }

        var bySet = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var set in document.Descendants().Where(e => e.Name.LocalName == "EntitySet"))
        {
            var typeName = (string?)set.Attribute("EntityType") ?? string.Empty;
            if (!types.TryGetValue(typeName, out var type))
            {
                throw new InvalidOperationException("The F&O metadata declares entity set '" + (string?)set.Attribute("Name") + "' of type '" + typeName + "', which it does not define.");
            }

            bySet[(string?)set.Attribute("Name") ?? string.Empty] = type.Elements()
                .Where(p => p.Name.LocalName == "Property"
                    && string.Equals((string?)p.Attribute("Nullable"), "false", StringComparison.OrdinalIgnoreCase)
                    && !IsComputed(p))
                .Select(p => (string?)p.Attribute("Name") ?? string.Empty)
                .ToList();
        }

        return new FinOpsNullability(bySet);
    }

    /// <summary>The not-nullable, not computed properties of an entity set; null when the metadata does not know the set.</summary>
    public IReadOnlyList<string>? NotNullable(string entitySet) => _bySet.TryGetValue(entitySet, out var names) ? names : null;

    // F&O assigns a computed property itself; a write never supplies it.
    private static bool IsComputed(XElement property) =>
        property.Elements().Any(a => a.Name.LocalName == "Annotation"
            && (string?)a.Attribute("Term") == ComputedTerm
            && !string.Equals((string?)a.Attribute("Bool"), "false", StringComparison.OrdinalIgnoreCase));
}
