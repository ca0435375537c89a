using System;

namespace DualWrite.Core.Json;

/// <summary>A JSON string. Any .NET string is allowed, including unpaired surrogates (written as \u escapes).</summary>
public sealed class JsonString : JsonNode
{
    public JsonString(string value)
        : this(value, 0, 0)
    {
    }

    public JsonString(string value, int line, int column)
        : base(line, column)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public override JsonNodeKind Kind => JsonNodeKind.String;

    public string Value { get; }
}
