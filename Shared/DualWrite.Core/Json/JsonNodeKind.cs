namespace DualWrite.Core.Json;

/// <summary>The six kinds of JSON value (RFC 8259).</summary>
public enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
