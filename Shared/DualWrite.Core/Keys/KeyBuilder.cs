using System;
using System.Collections.Generic;

namespace DualWrite.Core.Keys;

/// <summary>Shared work of the F&amp;O and Dataverse key builders: read every field, refuse gaps, keep order.</summary>
internal static class KeyBuilder
{
    public static KeyResult Build(string system, string entitySet, IReadOnlyList<string> fields, Func<string, object?> getValue)
    {
        if (string.IsNullOrEmpty(entitySet))
        {
            throw new ArgumentException("The entity set name is required.", nameof(entitySet));
        }

        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        if (getValue is null)
        {
            throw new ArgumentNullException(nameof(getValue));
        }

        if (fields.Count == 0)
        {
            return KeyResult.Failure(entitySet, system + " entity set '" + entitySet + "' has no key fields defined.", null);
        }

        var parts = new List<KeyValuePair<string, object>>(fields.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!ODataLiteral.IsIdentifier(field))
            {
                throw new ArgumentException("'" + field + "' is not a valid key field name for '" + entitySet + "'.", nameof(fields));
            }

            if (!seen.Add(field))
            {
                throw new ArgumentException("The key of '" + entitySet + "' names '" + field + "' twice.", nameof(fields));
            }

            var value = getValue(field);
            if (value is null)
            {
                return KeyResult.Failure(entitySet, system + " key of '" + entitySet + "' needs a value for '" + field + "', and it is empty.", field);
            }

            try
            {
                ODataLiteral.Format(value);
                if (value is string s)
                {
                    ODataUrlEncoding.EscapeKeyLiteral(s);
                }
            }
            catch (ArgumentException ex)
            {
                return KeyResult.Failure(entitySet, system + " key of '" + entitySet + "' cannot use the value of '" + field + "': " + ex.Message, field);
            }

            parts.Add(new KeyValuePair<string, object>(field, value));
        }

        return KeyResult.Success(entitySet, ODataKey.Named(parts));
    }
}
