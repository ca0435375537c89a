using System;

namespace DualWrite.Emulators.Dataverse.WebApi.Serialization;

/// <summary>The weak entity tag of a record, W/"&lt;versionnumber&gt;", and its parsing from If-Match.</summary>
public static class ETag
{
    public static string Format(string rowVersion) => "W/\"" + rowVersion + "\"";

    /// <summary>The row version inside W/"n" (or "n"); null when the text is not an entity tag.</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : null;
    }
}
