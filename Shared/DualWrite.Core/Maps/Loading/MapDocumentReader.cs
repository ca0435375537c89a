using System;
using System.Collections.Generic;
using DualWrite.Core.Json;

namespace DualWrite.Core.Maps.Loading;

/// <summary>
/// Typed, strict access to a map file's JSON that records a positioned error for each problem and
/// carries on, so one load reports everything wrong with the file.
/// </summary>
internal sealed class MapDocumentReader
{
    private readonly string _file;
    private readonly List<MapLoadError> _errors = new();

    public MapDocumentReader(string file)
    {
        _file = file;
    }

    public IReadOnlyList<MapLoadError> Errors => _errors;

    public int ErrorCount => _errors.Count;

    public static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int index) => path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    public void Error(JsonNode? at, string path, string message) =>
        _errors.Add(new MapLoadError(_file, at?.Line ?? 0, at?.Column ?? 0, path, message));

    /// <summary>Reports every property not in <paramref name="allowed"/>: a typo must not silently switch something off.</summary>
    public void RejectUnknownProperties(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var property in obj.Properties)
        {
            if (Array.IndexOf(allowed, property.Key) < 0)
            {
                Error(property.Value, Join(path, property.Key), "unknown property '" + property.Key + "'; expected one of " + string.Join(", ", allowed) + ".");
            }
        }
    }

    public JsonObject? ReadObject(JsonObject parent, string name, string path, bool required)
    {
        var node = Find(parent, name, path, required);
        return node is null ? null : AsObject(node, Join(path, name));
    }

    public JsonObject? AsObject(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        Error(node, path, "expected an object, found " + Describe(node) + ".");
        return null;
    }

    public JsonArray? ReadArray(JsonObject parent, string name, string path, bool required)
    {
        var node = Find(parent, name, path, required);
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        Error(node, Join(path, name), "expected an array, found " + Describe(node) + ".");
        return null;
    }

    /// <summary>A non-empty string property.</summary>
    public string? ReadString(JsonObject parent, string name, string path, bool required)
    {
        var node = Find(parent, name, path, required);
        if (node is null)
        {
            return null;
        }

        if (node is JsonString text && text.Value.Length > 0)
        {
            return text.Value;
        }

        Error(node, Join(path, name), "expected a non-empty string, found " + Describe(node) + ".");
        return null;
    }

    public bool? ReadBoolean(JsonObject parent, string name, string path, bool required)
    {
        var node = Find(parent, name, path, required);
        if (node is null)
        {
            return null;
        }

        if (node is JsonBoolean flag)
        {
            return flag.Value;
        }

        Error(node, Join(path, name), "expected true or false, found " + Describe(node) + ".");
        return null;
    }

    public int? ReadPositiveInteger(JsonObject parent, string name, string path, bool required)
    {
        var node = Find(parent, name, path, required);
        if (node is null)
        {
            return null;
        }

        if (node is JsonNumber number && number.TryGetInt64(out var value) && value >= 1 && value <= int.MaxValue)
        {
            return (int)value;
        }

        Error(node, Join(path, name), "expected a whole number of at least 1, found " + Describe(node) + ".");
        return null;
    }

    /// <summary>An enum by its exact name (no numbers, no case folding: map files say what they mean).</summary>
    public TEnum? ReadEnum<TEnum>(JsonObject parent, string name, string path, bool required, string what)
        where TEnum : struct, Enum
    {
        var node = Find(parent, name, path, required);
        return node is null ? null : AsEnum<TEnum>(node, Join(path, name), what);
    }

    public TEnum? AsEnum<TEnum>(JsonNode node, string path, string what)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames(typeof(TEnum));
        if (node is JsonString text && Array.IndexOf(names, text.Value) >= 0)
        {
            return (TEnum)Enum.Parse(typeof(TEnum), text.Value);
        }

        Error(node, path, Describe(node) + " is not " + what + "; expected " + string.Join(", ", names) + ".");
        return null;
    }

    /// <summary>A non-empty array of distinct non-empty strings.</summary>
    public IReadOnlyList<string>? ReadNameList(JsonObject parent, string name, string path, bool required)
    {
        var array = ReadArray(parent, name, path, required);
        if (array is null)
        {
            return null;
        }

        var listPath = Join(path, name);
        if (array.Count == 0)
        {
            Error(array, listPath, "expected at least one field name.");
            return null;
        }

        var names = new List<string>();
        var valid = true;
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (item is not JsonString text || text.Value.Length == 0)
            {
                Error(item, Index(listPath, i), "expected a field name, found " + Describe(item) + ".");
                valid = false;
            }
            else if (names.Contains(text.Value))
            {
                Error(item, Index(listPath, i), "field '" + text.Value + "' is listed twice.");
                valid = false;
            }
            else
            {
                names.Add(text.Value);
            }
        }

        return valid ? names : null;
    }

    public static string Describe(JsonNode node) => node switch
    {
        JsonString text => "'" + text.Value + "'",
        JsonNumber number => number.RawText,
        JsonBoolean flag => flag.Value ? "true" : "false",
        JsonNull => "null",
        JsonArray => "an array",
        _ => "an object",
    };

    private JsonNode? Find(JsonObject parent, string name, string path, bool required)
    {
        var node = parent[name];
        if (node is null && required)
        {
            Error(parent, path, "missing required property '" + name + "'.");
        }

        return node;
    }
}
