namespace DualWrite.Core.Json;

/// <summary>JSON <c>true</c> or <c>false</c>.</summary>
public sealed class JsonBoolean : JsonNode
{
    public static readonly JsonBoolean True = new(true);

    public static readonly JsonBoolean False = new(false);

    public JsonBoolean(bool value)
        : this(value, 0, 0)
    {
    }

    public JsonBoolean(bool value, int line, int column)
        : base(line, column)
    {
        Value = value;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Boolean;

    public bool Value { get; }
}
