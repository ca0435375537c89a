using System;
using System.Collections.Generic;

namespace DualWrite.Core.Maps.Loading;

/// <summary>The type names map files use (lower case, as FORMAT.md lists them).</summary>
internal static class FieldTypeNames
{
    private static readonly Dictionary<string, FieldType> ByName = new(StringComparer.Ordinal)
    {
        ["string"] = FieldType.String,
        ["int"] = FieldType.Int,
        ["long"] = FieldType.Long,
        ["decimal"] = FieldType.Decimal,
        ["money"] = FieldType.Money,
        ["bool"] = FieldType.Bool,
        ["date"] = FieldType.Date,
        ["datetime"] = FieldType.DateTime,
        ["guid"] = FieldType.Guid,
        ["enum"] = FieldType.Enum,
        ["choice"] = FieldType.Choice,
    };

    public static string Expected => string.Join(", ", ByName.Keys);

    public static bool TryParse(string name, out FieldType type) => ByName.TryGetValue(name, out type);
}
