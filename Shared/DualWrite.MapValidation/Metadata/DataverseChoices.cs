using System;
using System.Collections.Generic;
using System.Text.Json;

namespace DualWrite.MapValidation.Metadata;

/// <summary>
/// The allowed values of Dataverse choice columns. Dataverse's $metadata types a choice as Edm.Int32
/// without its options, so they come from a side file (Shared/maps/metadata/dataverse-choices.json):
/// <c>{"tables": {"account": {"customertypecode": [{"value": 3, "label": "Customer"}, ...]}}}</c>.
/// </summary>
public sealed class DataverseChoices
{
    public static readonly DataverseChoices None = new(new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>> _tables;

    public DataverseChoices(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>> tables)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    /// <summary>The column's values, or null when the file does not describe it (then values are not checked).</summary>
    public IReadOnlyList<long>? ValuesOf(string table, string column) =>
        _tables.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var values) ? values : null;

    /// <exception cref="JsonException">The text is not a choices document.</exception>
    public static DataverseChoices Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var tables = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("tables", out var tablesElement) || tablesElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A choices document has a \"tables\" object.");
        }

        foreach (var table in tablesElement.EnumerateObject())
        {
            var columns = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
            foreach (var column in table.Value.EnumerateObject())
            {
                var values = new List<long>();
                foreach (var option in column.Value.EnumerateArray())
                {
                    values.Add(option.GetProperty("value").GetInt64());
                }

                columns[column.Name] = values;
            }

            tables[table.Name] = columns;
        }

        return new DataverseChoices(tables);
    }
}
