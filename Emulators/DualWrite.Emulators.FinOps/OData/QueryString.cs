using System;
using System.Collections.Generic;
using DualWrite.Core.Keys;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// The query string as name/value pairs, decoded with Core's strict percent-decoding. Read from the raw
/// request target rather than ASP.NET's parsed query because that decodes '+' as a space (form
/// semantics), which would change <c>$filter=Name eq 'a+b'</c>.
/// </summary>
public sealed class QueryString
{
    private readonly List<KeyValuePair<string, string>> _raw = new();

    private QueryString()
    {
    }

    /// <summary>Pairs in order, still encoded (to rebuild next links exactly).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RawPairs => _raw;

    /// <summary>Parses; throws <see cref="FormatException"/> for bad percent-encoding.</summary>
    public static QueryString Parse(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var result = new QueryString();
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            ODataUrlEncoding.Unescape(name);
            ODataUrlEncoding.Unescape(value);
            result._raw.Add(new KeyValuePair<string, string>(name, value));
        }

        return result;
    }

    /// <summary>The decoded value of the last option with this (decoded) name, or null.</summary>
    public string? Get(string name)
    {
        string? found = null;
        foreach (var pair in _raw)
        {
            if (string.Equals(ODataUrlEncoding.Unescape(pair.Key), name, StringComparison.Ordinal))
            {
                found = ODataUrlEncoding.Unescape(pair.Value);
            }
        }

        return found;
    }

    /// <summary>Decoded option names, in order.</summary>
    public IEnumerable<string> Names()
    {
        foreach (var pair in _raw)
        {
            yield return ODataUrlEncoding.Unescape(pair.Key);
        }
    }
}
