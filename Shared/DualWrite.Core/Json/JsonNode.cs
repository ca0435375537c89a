using System;
using System.Globalization;

namespace DualWrite.Core.Json;

/// <summary>
/// A JSON value. Our own small DOM because the plug-in sandbox (.NET Framework 4.6.2) has no
/// System.Text.Json and may not load third-party assemblies.
/// </summary>
/// <remarks>
/// <see cref="Line"/> and <see cref="Column"/> are 1-based positions where the parser found the value
/// (columns count UTF-16 code units), so errors in map files can name a position. Nodes built in
/// code have 0 for both.
/// </remarks>
public abstract class JsonNode
{
    private protected JsonNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public abstract JsonNodeKind Kind { get; }

    /// <summary>1-based line of the value's first character in the parsed text; 0 when built in code.</summary>
    public int Line { get; }

    /// <summary>1-based column of the value's first character in the parsed text; 0 when built in code.</summary>
    public int Column { get; }

    /// <summary>"line 3, column 7", or "(built in code)" when the node was not parsed.</summary>
    public string Position => Line == 0
        ? "(built in code)"
        : string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}", Line, Column);

    /// <summary>
    /// Structural equality: same kind, same strings (ordinal), numbers equal in value, objects with the
    /// same property names and equal values in the same order, arrays with equal items in order.
    /// Positions are ignored.
    /// </summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Kind != right.Kind)
        {
            return false;
        }

        switch (left)
        {
            case JsonString s:
                return string.Equals(s.Value, ((JsonString)right).Value, StringComparison.Ordinal);
            case JsonNumber n:
                return n.ValueEquals((JsonNumber)right);
            case JsonBoolean b:
                return b.Value == ((JsonBoolean)right).Value;
            case JsonNull:
                return true;
            case JsonArray a:
                {
                    var other = (JsonArray)right;
                    if (a.Items.Count != other.Items.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < a.Items.Count; i++)
                    {
                        if (!DeepEquals(a.Items[i], other.Items[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JsonObject o:
                {
                    var other = (JsonObject)right;
                    if (o.Properties.Count != other.Properties.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < o.Properties.Count; i++)
                    {
                        var p = o.Properties[i];
                        var q = other.Properties[i];
                        if (!string.Equals(p.Key, q.Key, StringComparison.Ordinal) || !DeepEquals(p.Value, q.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                return false;
        }
    }

    /// <summary>The compact JSON text of this value.</summary>
    public override string ToString() => JsonWriter.Write(this);
}
