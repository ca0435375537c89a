using System.Collections.Generic;
using DualWrite.Core.Keys;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>Keys of stored rows as OData keys (Core's <see cref="ODataKey"/>), for URLs, events and messages.</summary>
public static class RowKeys
{
    /// <summary>The full key, dataAreaId first: <c>(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    public static ODataKey ToODataKey(EntitySetSchema set, object?[] row)
    {
        var parts = new List<KeyValuePair<string, object>>(set.KeyFields.Count);
        foreach (var field in set.KeyFields)
        {
            var value = RowStorage.Raw(row, field.Index) ?? string.Empty;
            if (field.Kind == FieldKind.Enum)
            {
                value = new ODataEnumValue(field.EnumTypeName!, (string)value);
            }

            parts.Add(new KeyValuePair<string, object>(field.Name, value));
        }

        return ODataKey.Named(parts);
    }

    /// <summary>The key as readable text (not URL-escaped), for messages.</summary>
    public static string Describe(EntitySetSchema set, object?[] row) => ToODataKey(set, row).ToString();

    /// <summary>The company of a row of a company-specific set, or null for shared sets.</summary>
    public static string? Company(EntitySetSchema set, object?[] row) => set.Company is null ? null : RowStorage.Raw(row, set.Company.Index) as string;
}
