using System;
using System.Collections.Generic;

namespace DualWrite.Core.Json;

/// <summary>
/// A JSON object. Properties keep their order (maps and requests read better that way, and writing
/// is deterministic); names are unique and compared ordinally.
/// </summary>
public sealed class JsonObject : JsonNode
{
    private readonly List<KeyValuePair<string, JsonNode>> _properties = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public JsonObject()
        : this(0, 0)
    {
    }

    public JsonObject(int line, int column)
        : base(line, column)
    {
    }

    public override JsonNodeKind Kind => JsonNodeKind.Object;

    public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties => _properties;

    public int Count => _properties.Count;

    /// <summary>The value of the property, or null (the .NET null, not <see cref="JsonNull"/>) when absent.</summary>
    public JsonNode? this[string name] => TryGetValue(name, out var value) ? value : null;

    public bool ContainsKey(string name) => _index.ContainsKey(name ?? throw new ArgumentNullException(nameof(name)));

    public bool TryGetValue(string name, out JsonNode? value)
    {
        if (_index.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var i))
        {
            value = _properties[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Appends a property; throws when the name is already present.</summary>
    public void Add(string name, JsonNode value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (_index.ContainsKey(name))
        {
            throw new ArgumentException("The object already has a property named '" + name + "'.", nameof(name));
        }

        _index.Add(name, _properties.Count);
        _properties.Add(new KeyValuePair<string, JsonNode>(name, value));
    }

    /// <summary>Replaces the value of an existing property in place, or appends a new one.</summary>
    public void Set(string name, JsonNode value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (_index.TryGetValue(name, out var i))
        {
            _properties[i] = new KeyValuePair<string, JsonNode>(name, value);
        }
        else
        {
            _index.Add(name, _properties.Count);
            _properties.Add(new KeyValuePair<string, JsonNode>(name, value));
        }
    }

    /// <summary>Removes the property if present; later properties keep their order.</summary>
    public bool Remove(string name)
    {
        if (!_index.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var i))
        {
            return false;
        }

        _properties.RemoveAt(i);
        _index.Remove(name);
        for (var j = i; j < _properties.Count; j++)
        {
            _index[_properties[j].Key] = j;
        }

        return true;
    }
}
