using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.Dataverse.WebApi;

/// <summary>
/// One Web API request, from HTTP or from a $batch part: the path after /api/data/v9.2/ as sent (still
/// percent-encoded, so a key value's '/' or '%' is told from the URL's own; the key parser decodes it), query, headers and body.
/// </summary>
public sealed class WebApiRequest
{
    public required string Method { get; init; }

    public required string RelativePath { get; init; }

    /// <summary>Decoded query parameters in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; init; }

    /// <summary>The service root, ending with '/': http://127.0.0.1:5200/api/data/v9.2/.</summary>
    public required Uri ServiceRoot { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

    /// <summary>True when the Prefer header holds <paramref name="preference"/> (name or name=value).</summary>
    public bool Prefers(string preference) => PreferenceValue(preference) is not null;

    /// <summary>The value of a preference in Prefer (empty for a bare name), or null when absent.</summary>
    public string? PreferenceValue(string name)
    {
        foreach (var part in (Header("Prefer") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals].Trim();
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return equals < 0 ? string.Empty : part[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    /// <summary>Parses "a=1&amp;b=2" (already split from the URL) into decoded pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string? query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in (query ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
