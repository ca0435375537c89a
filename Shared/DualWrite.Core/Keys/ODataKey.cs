using System;
using System.Collections.Generic;
using System.Text;

namespace DualWrite.Core.Keys;

/// <summary>
/// A key that identifies one record in an entity set: either one unnamed value (<c>accounts(guid)</c>)
/// or one or more named parts in a fixed order (<c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>,
/// <c>contacts(firstname='Joe',emailaddress1='abc@example.com')</c>).
/// </summary>
public sealed class ODataKey
{
    private readonly ODataKeyPart[] _parts;

    private ODataKey(ODataKeyPart[] parts)
    {
        _parts = parts;
    }

    public IReadOnlyList<ODataKeyPart> Parts => _parts;

    /// <summary>True for the <c>(value)</c> form.</summary>
    public bool IsUnnamed => _parts.Length == 1 && _parts[0].Name is null;

    /// <summary>A single unnamed key value, typically a primary key Guid: <c>(00000000-...)</c>.</summary>
    public static ODataKey Unnamed(object value) => new(new[] { new ODataKeyPart(null, value) });

    /// <summary>Named parts in the order given; names must be unique.</summary>
    public static ODataKey Named(IEnumerable<KeyValuePair<string, object>> parts)
    {
        if (parts is null)
        {
            throw new ArgumentNullException(nameof(parts));
        }

        var list = new List<ODataKeyPart>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parts)
        {
            if (p.Key is null)
            {
                throw new ArgumentException("A named key part needs a name.", nameof(parts));
            }

            if (!seen.Add(p.Key))
            {
                throw new ArgumentException("The key names '" + p.Key + "' twice.", nameof(parts));
            }

            list.Add(new ODataKeyPart(p.Key, p.Value));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("A key needs at least one part.", nameof(parts));
        }

        return new ODataKey(list.ToArray());
    }

    /// <summary>A single named part: <c>(accountnumber='ABC123')</c>.</summary>
    public static ODataKey Named(string name, object value) =>
        Named(new[] { new KeyValuePair<string, object>(name, value) });

    /// <summary>
    /// The URL-escaped key predicate with parentheses: <c>(dataAreaId='usmf',CustomerAccount='US%2F001')</c>.
    /// See <see cref="ODataUrlEncoding"/> for what is escaped and why.
    /// </summary>
    public string ToPredicate() => Build(escape: true);

    /// <summary>The predicate without URL escaping, for messages and logs.</summary>
    public override string ToString() => Build(escape: false);

    private string Build(bool escape)
    {
        var sb = new StringBuilder("(");
        for (var i = 0; i < _parts.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var part = _parts[i];
            if (part.Name is not null)
            {
                sb.Append(part.Name).Append('=');
            }

            var literal = ODataLiteral.Format(part.Value);
            sb.Append(escape ? ODataUrlEncoding.EscapeKeyLiteral(literal) : literal);
        }

        return sb.Append(')').ToString();
    }
}
