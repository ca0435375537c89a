using System;
using System.Globalization;
using System.Text;

namespace DualWrite.Core.Json;

/// <summary>
/// Writes JSON text. Numbers are written exactly as held; strings escape quotes, backslashes, control
/// characters, U+2028/U+2029 (line separators that break JavaScript consumers) and unpaired surrogates
/// (so the output is always valid UTF-16/UTF-8 text). Indented output uses two spaces and "\n".
/// </summary>
public static class JsonWriter
{
    public static string Write(JsonNode node, bool indented = false)
    {
        if (node is null)
        {
            throw new ArgumentNullException(nameof(node));
        }

        var sb = new StringBuilder();
        WriteNode(sb, node, indented, 0);
        return sb.ToString();
    }

    /// <summary>A JSON string literal (with quotes) for <paramref name="value"/>.</summary>
    public static string QuoteString(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var sb = new StringBuilder(value.Length + 2);
        WriteString(sb, value);
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode node, bool indented, int depth)
    {
        switch (node)
        {
            case JsonString s:
                WriteString(sb, s.Value);
                break;
            case JsonNumber n:
                sb.Append(n.RawText);
                break;
            case JsonBoolean b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case JsonNull:
                sb.Append("null");
                break;
            case JsonArray a:
                if (a.Items.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indented, depth + 1);
                    WriteNode(sb, a.Items[i], indented, depth + 1);
                }

                NewLine(sb, indented, depth);
                sb.Append(']');
                break;
            case JsonObject o:
                if (o.Properties.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append('{');
                for (var i = 0; i < o.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indented, depth + 1);
                    WriteString(sb, o.Properties[i].Key);
                    sb.Append(indented ? ": " : ":");
                    WriteNode(sb, o.Properties[i].Value, indented, depth + 1);
                }

                NewLine(sb, indented, depth);
                sb.Append('}');
                break;
            default:
                throw new ArgumentException("Unknown JSON node type " + node.GetType().Name + ".", nameof(node));
        }
    }

    private static void NewLine(StringBuilder sb, bool indented, int depth)
    {
        if (indented)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }

    private static void WriteString(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\u2028':
                case '\u2029':
                    AppendEscape(sb, c);
                    break;
                default:
                    if (c < 0x20)
                    {
                        AppendEscape(sb, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        AppendEscape(sb, c); // unpaired: keep it, but only as an escape
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static void AppendEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
