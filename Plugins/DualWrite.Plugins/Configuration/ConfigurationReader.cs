using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Json;

namespace DualWrite.Plugins.Configuration;

/// <summary>
/// Reads one configuration JSON object strictly: every property must be known and of the right kind,
/// and every problem is collected (named with the configuration and the setting) instead of stopping
/// at the first.
/// </summary>
internal sealed class ConfigurationReader
{
    private readonly string _source;
    private readonly List<string> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private ConfigurationReader(string source, JsonObject? root, List<string> problems)
    {
        _source = source;
        Root = root;
        _problems = problems;
    }

    public JsonObject? Root { get; }

    /// <summary>Parses <paramref name="json"/>; a parse error or a non-object is reported as a problem and the reader reads nothing.</summary>
    public static ConfigurationReader Open(string source, string? json, List<string> problems)
    {
        if (json is null || json.Trim().Length == 0)
        {
            problems.Add("The " + source + " is empty; it must be a JSON object (see Plugins/DualWrite.Plugins/README.md)");
            return new ConfigurationReader(source, null, problems);
        }

        try
        {
            if (JsonParser.Parse(json) is JsonObject root)
            {
                return new ConfigurationReader(source, root, problems);
            }

            problems.Add("The " + source + " must be a JSON object");
        }
        catch (JsonParseException ex)
        {
            problems.Add("The " + source + " is not valid JSON: " + ex.Message);
        }

        return new ConfigurationReader(source, null, problems);
    }

    public JsonNode? Node(string name)
    {
        _read.Add(name);
        return Root?[name];
    }

    public string? String(string name, bool required)
    {
        var node = Node(name);
        switch (node)
        {
            case null when Root is not null && required:
                Problem(name, "is required");
                return null;
            case null:
            case JsonNull:
                if (required && Root is not null)
                {
                    Problem(name, "is required");
                }

                return null;
            case JsonString text when text.Value.Trim().Length > 0:
                return text.Value.Trim();
            case JsonString:
                if (required)
                {
                    Problem(name, "is required and is blank");
                }

                return null;
            default:
                Problem(name, "must be a string");
                return null;
        }
    }

    public bool Boolean(string name, bool defaultValue)
    {
        switch (Node(name))
        {
            case null:
            case JsonNull:
                return defaultValue;
            case JsonBoolean flag:
                return flag.Value;
            default:
                Problem(name, "must be true or false");
                return defaultValue;
        }
    }

    /// <summary>A duration in seconds between <paramref name="min"/> and <paramref name="max"/> (inclusive).</summary>
    public TimeSpan Seconds(string name, TimeSpan defaultValue, double min, double max)
    {
        switch (Node(name))
        {
            case null:
            case JsonNull:
                return defaultValue;
            case JsonNumber number:
                var seconds = number.ToDouble();
                if (seconds < min || seconds > max || double.IsNaN(seconds))
                {
                    Problem(name, string.Format(CultureInfo.InvariantCulture, "must be between {0} and {1} seconds, not {2}", min, max, number.RawText));
                    return defaultValue;
                }

                return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
            default:
                Problem(name, "must be a number of seconds");
                return defaultValue;
        }
    }

    public Uri? AbsoluteUrl(string name, bool required, string? placeholderHint)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (text.IndexOf('<') >= 0 || text.IndexOf('>') >= 0)
        {
            Problem(name, "still holds the placeholder '" + text + "'" + (placeholderHint is null ? string.Empty : ": " + placeholderHint));
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.IsFile)
        {
            Problem(name, "must be an absolute URL, not '" + text + "'");
            return null;
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            Problem(name, "must not carry a query or fragment: '" + text + "'");
            return null;
        }

        // Relative paths are resolved against it: always end with '/'.
        return url.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>Reports every property nobody asked for: a typo must never silently turn a setting off.</summary>
    public void RejectUnknown()
    {
        if (Root is null)
        {
            return;
        }

        foreach (var property in Root.Properties)
        {
            if (!_read.Contains(property.Key))
            {
                Problem(property.Key, "is not a known setting");
            }
        }
    }

    public void Problem(string setting, string message) =>
        _problems.Add("Setting '" + setting + "' of the " + _source + " " + message);
}
