namespace DualWrite.Core.Json;

/// <summary>
/// JSON <c>null</c>. Use <see cref="Instance"/> in code; the parser creates positioned instances so
/// errors can point at them, so test for null with <see cref="JsonNode.Kind"/>, not by reference.
/// </summary>
public sealed class JsonNull : JsonNode
{
    public static readonly JsonNull Instance = new(0, 0);

    public JsonNull(int line, int column)
        : base(line, column)
    {
    }

    public override JsonNodeKind Kind => JsonNodeKind.Null;
}
