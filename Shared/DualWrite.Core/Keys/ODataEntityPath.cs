using System;

namespace DualWrite.Core.Keys;

/// <summary>An entity set name with a key, as read from <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
public sealed class ODataEntityPath
{
    public ODataEntityPath(string entitySet, ODataKey key)
    {
        EntitySet = entitySet ?? throw new ArgumentNullException(nameof(entitySet));
        Key = key ?? throw new ArgumentNullException(nameof(key));
    }

    public string EntitySet { get; }

    public ODataKey Key { get; }

    public override string ToString() => EntitySet + Key;
}
