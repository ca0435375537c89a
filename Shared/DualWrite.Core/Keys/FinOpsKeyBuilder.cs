using System;
using System.Collections.Generic;

namespace DualWrite.Core.Keys;

/// <summary>
/// Keys for F&amp;O data entities. F&amp;O requires every key field in the URL and expects the company
/// first: <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.
/// </summary>
public static class FinOpsKeyBuilder
{
    /// <summary>The company key field of company-specific entities.</summary>
    public const string DataAreaId = "dataAreaId";

    /// <param name="entitySet">Public collection name, e.g. <c>CustomersV3</c>.</param>
    /// <param name="keyFields">The entity's key fields in metadata order; <c>dataAreaId</c> is moved first.</param>
    /// <param name="getValue">Reads a field of the record; null means missing.</param>
    public static KeyResult Build(string entitySet, IReadOnlyList<string> keyFields, Func<string, object?> getValue)
    {
        if (keyFields is null)
        {
            throw new ArgumentNullException(nameof(keyFields));
        }

        var ordered = new List<string>(keyFields.Count);
        foreach (var f in keyFields)
        {
            if (string.Equals(f, DataAreaId, StringComparison.Ordinal))
            {
                ordered.Insert(0, f);
            }
            else
            {
                ordered.Add(f);
            }
        }

        if (getValue is not null && ordered.Count > 0 && ordered[0] == DataAreaId
            && getValue(DataAreaId) is string company && company.Length == 0)
        {
            return KeyResult.Failure(entitySet, "F&O key of '" + entitySet + "' needs a company in 'dataAreaId', and it is blank.", DataAreaId);
        }

        return KeyBuilder.Build("F&O", entitySet, ordered, getValue!);
    }

    /// <summary>Same as <see cref="Build(string, IReadOnlyList{string}, Func{string, object})"/> over a dictionary of field values.</summary>
    public static KeyResult Build(string entitySet, IReadOnlyList<string> keyFields, IReadOnlyDictionary<string, object?> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        return Build(entitySet, keyFields, f => values.TryGetValue(f, out var v) ? v : null);
    }
}
