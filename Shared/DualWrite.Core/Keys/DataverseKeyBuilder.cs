using System;
using System.Collections.Generic;

namespace DualWrite.Core.Keys;

/// <summary>
/// Keys for Dataverse Web API URLs: the primary key <c>accounts(guid)</c>, or an alternate key with one
/// or several parts in its defined order, <c>contacts(firstname='Joe',emailaddress1='abc@example.com')</c>.
/// </summary>
public static class DataverseKeyBuilder
{
    /// <summary>
    /// Characters that Dataverse documents as breaking alternate-key URLs for update/upsert even when
    /// escaped ("Work with alternate keys": &lt; &gt; * % &amp; : / \). The server refuses these after decoding,
    /// so no escaping can help; callers should look the record up with $filter and use its id instead.
    /// </summary>
    public const string CharactersRejectedInAlternateKeys = "<>*%&:/\\";

    /// <summary>True when a string part of the key holds a character Dataverse rejects in key URLs.</summary>
    public static bool HasCharactersRejectedInAlternateKeys(ODataKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        foreach (var part in key.Parts)
        {
            if (part.Value is string s && s.IndexOfAny(CharactersRejectedInAlternateKeys.ToCharArray()) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static KeyResult PrimaryKey(string entitySet, Guid id)
    {
        if (id == Guid.Empty)
        {
            return KeyResult.Failure(entitySet, "Dataverse record of '" + entitySet + "' has no id (empty Guid).", null);
        }

        return KeyResult.Success(entitySet, ODataKey.Unnamed(id));
    }

    /// <param name="entitySet">Entity set name, e.g. <c>accounts</c>.</param>
    /// <param name="keyAttributes">The alternate key's columns in its defined order.</param>
    /// <param name="getValue">Reads a column of the record; null means missing.</param>
    public static KeyResult AlternateKey(string entitySet, IReadOnlyList<string> keyAttributes, Func<string, object?> getValue) =>
        KeyBuilder.Build("Dataverse alternate", entitySet, keyAttributes, getValue);

    public static KeyResult AlternateKey(string entitySet, IReadOnlyList<string> keyAttributes, IReadOnlyDictionary<string, object?> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        return AlternateKey(entitySet, keyAttributes, a => values.TryGetValue(a, out var v) ? v : null);
    }
}
