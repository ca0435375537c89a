using System;
using System.Collections.Generic;

namespace DualWrite.Core.Mapping;

/// <summary>
/// Answers to earlier <see cref="LookupToResolve"/> requests, by entity path: record ids found by
/// alternate key, and key values read by id. A caller may keep one per company (ids of cdm_companies
/// hardly change) and add to it between passes.
/// </summary>
public sealed class ResolvedLookups
{
    private readonly Dictionary<string, Guid> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyValues = new(StringComparer.Ordinal);

    /// <summary>Records the id of the record at <paramref name="path"/> (a <see cref="LookupResolutionKind.FindId"/> answer).</summary>
    public ResolvedLookups AddId(string path, Guid id)
    {
        _ids[path ?? throw new ArgumentNullException(nameof(path))] = id;
        return this;
    }

    /// <summary>Records the key value of the record at <paramref name="path"/> (a <see cref="LookupResolutionKind.ReadKeyValue"/> answer).</summary>
    public ResolvedLookups AddKeyValue(string path, string keyValue)
    {
        _keyValues[path ?? throw new ArgumentNullException(nameof(path))] = keyValue ?? throw new ArgumentNullException(nameof(keyValue));
        return this;
    }

    public bool TryGetId(string path, out Guid id) => _ids.TryGetValue(path, out id);

    public bool TryGetKeyValue(string path, out string keyValue)
    {
        if (_keyValues.TryGetValue(path, out var found))
        {
            keyValue = found;
            return true;
        }

        keyValue = string.Empty;
        return false;
    }
}
