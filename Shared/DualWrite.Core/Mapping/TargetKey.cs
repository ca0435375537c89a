using System;
using System.Collections.Generic;
using DualWrite.Core.Keys;
using DualWrite.Core.Records;

namespace DualWrite.Core.Mapping;

/// <summary>
/// The target record's integration key: its values as the map defines them (company code, account
/// number, ...) and, once every part is known, the OData key and entity path to address it. A Dataverse
/// key part that is a lookup (the company, a parent order) is addressed by the referenced record's id
/// (<c>_msdyn_company_value=&lt;guid&gt;</c>), which a caller may first have to resolve.
/// </summary>
public sealed class TargetKey
{
    public TargetKey(string entitySet, IReadOnlyList<KeyValuePair<string, RecordValue>> values, ODataKey? key, bool isUsableInUrl = true)
    {
        IsUsableInUrl = isUsableInUrl;
        EntitySet = entitySet ?? throw new ArgumentNullException(nameof(entitySet));
        Values = values ?? throw new ArgumentNullException(nameof(values));
        Key = key;
    }

    public string EntitySet { get; }

    /// <summary>Key field → value, in key order (for a lookup part: the referenced record's code).</summary>
    public IReadOnlyList<KeyValuePair<string, RecordValue>> Values { get; }

    /// <summary>The OData key; null while a referenced id is still to be resolved.</summary>
    public ODataKey? Key { get; }

    public bool IsAddressable => Key is not null;

    /// <summary>
    /// False when a Dataverse key value holds a character Dataverse refuses in key URLs even escaped
    /// (<see cref="DataverseKeyBuilder.CharactersRejectedInAlternateKeys"/>): query by <c>$filter</c> instead.
    /// </summary>
    public bool IsUsableInUrl { get; }

    /// <summary>The URL-escaped entity path (<c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>); null while not addressable.</summary>
    public string? Path => Key is null ? null : ODataKeyFormatter.EntityPath(EntitySet, Key);

    /// <summary>The key as users read it: values joined by '/', company first (<c>usmf/US-001</c>).</summary>
    public override string ToString()
    {
        var parts = new List<string>(Values.Count);
        foreach (var value in Values)
        {
            parts.Add(value.Value.ToString());
        }

        return string.Join("/", parts);
    }
}
