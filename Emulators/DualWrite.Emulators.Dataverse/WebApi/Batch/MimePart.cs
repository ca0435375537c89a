using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.Dataverse.WebApi.Batch;

/// <summary>One part of a multipart/mixed body: its MIME headers and the text after them.</summary>
internal sealed record MimePart(IReadOnlyDictionary<string, string> Headers, string Content)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The boundary parameter of a multipart/mixed Content-Type, or null.</summary>
    public static string? BoundaryOf(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var parameter in contentType.Split(';', StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return parameter["boundary=".Length..].Trim('"');
            }
        }

        return null;
    }
}
