using System;
using System.Collections.Generic;

namespace DualWrite.Core.Json;

/// <summary>A JSON array; items keep their order.</summary>
public sealed class JsonArray : JsonNode
{
    private readonly List<JsonNode> _items = new();

    public JsonArray()
        : this(0, 0)
    {
    }

    public JsonArray(int line, int column)
        : base(line, column)
    {
    }

    public JsonArray(IEnumerable<JsonNode> items)
        : this(0, 0)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        foreach (var item in items)
        {
            Add(item);
        }
    }

    public override JsonNodeKind Kind => JsonNodeKind.Array;

    public IReadOnlyList<JsonNode> Items => _items;

    public int Count => _items.Count;

    public JsonNode this[int index] => _items[index];

    public void Add(JsonNode item) => _items.Add(item ?? throw new ArgumentNullException(nameof(item)));
}
