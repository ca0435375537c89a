using System;

namespace DualWrite.Core.Keys;

/// <summary>One property of a key: its name (null for the single unnamed form <c>(value)</c>) and value.</summary>
public sealed class ODataKeyPart
{
    public ODataKeyPart(string? name, object value)
    {
        if (name is not null && !ODataLiteral.IsIdentifier(name))
        {
            throw new ArgumentException("'" + name + "' is not a valid OData property name.", nameof(name));
        }

        Name = name;
        Value = value ?? throw new ArgumentNullException(nameof(value), "Key values cannot be null" + (name is null ? "." : " (key property '" + name + "')."));
    }

    /// <summary>The key property name, or null for an unnamed single key.</summary>
    public string? Name { get; }

    /// <summary>The value: any type <see cref="ODataLiteral.Format"/> accepts, never null.</summary>
    public object Value { get; }

    public override string ToString() => Name is null ? ODataLiteral.Format(Value) : Name + "=" + ODataLiteral.Format(Value);
}
