using System;
using System.Globalization;
using System.Text;

namespace DualWrite.Core.Json;

/// <summary>
/// Strict RFC 8259 parser: one value with optional surrounding whitespace (a leading byte-order mark
/// is ignored, as the RFC permits), no comments, no trailing commas, no duplicate property names,
/// numbers kept as their exact text, and a nesting limit so hostile input cannot exhaust the stack.
/// </summary>
/// <remarks>
/// Escaped unpaired surrogates (<c>"\uD800"</c>) are accepted because the RFC grammar allows them and
/// .NET strings can hold them: that keeps <c>Parse(Write(x))</c> lossless for every string.
/// </remarks>
public static class JsonParser
{
    /// <summary>Nesting depth allowed by <see cref="Parse(string)"/> (same default as System.Text.Json).</summary>
    public const int DefaultMaxDepth = 64;

    public static JsonNode Parse(string text) => Parse(text, DefaultMaxDepth);

    public static JsonNode Parse(string text, int maxDepth)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (maxDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "The depth limit must be at least 1.");
        }

        var reader = new Reader(text, maxDepth);
        return reader.ParseDocument();
    }

    private sealed class Reader
    {
        private readonly string _text;
        private readonly int _maxDepth;
        private readonly StringBuilder _buffer = new();
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        public Reader(string text, int maxDepth)
        {
            _text = text;
            _maxDepth = maxDepth;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }
        }

        private int Column => _pos - _lineStart + 1;

        public JsonNode ParseDocument()
        {
            SkipWhitespace();
            var value = ParseValue(0, "a JSON value");
            SkipWhitespace();
            if (_pos < _text.Length)
            {
                throw Error("expected the end of the input after the top-level value but found " + Describe(_pos));
            }

            return value;
        }

        private JsonNode ParseValue(int depth, string expected)
        {
            if (_pos >= _text.Length)
            {
                throw Error("expected " + expected + " but found the end of the input");
            }

            var c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth + 1);
                case '[':
                    return ParseArray(depth + 1);
                case '"':
                    {
                        var line = _line;
                        var column = Column;
                        return new JsonString(ParseString(), line, column);
                    }

                case 't':
                    return ParseLiteral("true", JsonNodeKind.Boolean, expected);
                case 'f':
                    return ParseLiteral("false", JsonNodeKind.Boolean, expected);
                case 'n':
                    return ParseLiteral("null", JsonNodeKind.Null, expected);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    throw Error("expected " + expected + " but found " + DescribeWord(_pos));
            }
        }

        private JsonNode ParseObject(int depth)
        {
            CheckDepth(depth);
            var result = new JsonObject(_line, Column);
            _pos++; // '{'
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return result;
            }

            while (true)
            {
                if (Peek() != '"')
                {
                    throw Error("expected a property name in double quotes but found " + Describe(_pos));
                }

                var nameLine = _line;
                var nameColumn = Column;
                var name = ParseString();
                if (result.ContainsKey(name))
                {
                    throw new JsonParseException(nameLine, nameColumn, "duplicate property name \"" + name + "\"");
                }

                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw Error("expected ':' after the property name \"" + name + "\" but found " + Describe(_pos));
                }

                _pos++;
                SkipWhitespace();
                result.Add(name, ParseValue(depth, "a value for the property \"" + name + "\""));
                SkipWhitespace();
                var next = Peek();
                if (next == ',')
                {
                    _pos++;
                    SkipWhitespace();
                    continue;
                }

                if (next == '}')
                {
                    _pos++;
                    return result;
                }

                throw Error("expected ',' or '}' after the value of \"" + name + "\" but found " + Describe(_pos));
            }
        }

        private JsonNode ParseArray(int depth)
        {
            CheckDepth(depth);
            var result = new JsonArray(_line, Column);
            _pos++; // '['
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return result;
            }

            while (true)
            {
                result.Add(ParseValue(depth, "an array item"));
                SkipWhitespace();
                var next = Peek();
                if (next == ',')
                {
                    _pos++;
                    SkipWhitespace();
                    continue;
                }

                if (next == ']')
                {
                    _pos++;
                    return result;
                }

                throw Error("expected ',' or ']' after an array item but found " + Describe(_pos));
            }
        }

        private JsonNode ParseLiteral(string word, JsonNodeKind kind, string expected)
        {
            var line = _line;
            var column = Column;
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error("expected " + expected + " but found " + DescribeWord(_pos));
            }

            var end = _pos + word.Length;
            if (end < _text.Length && IsWordChar(_text[end]))
            {
                throw Error("expected " + expected + " but found " + DescribeWord(_pos));
            }

            _pos = end;
            return kind == JsonNodeKind.Null
                ? new JsonNull(line, column)
                : new JsonBoolean(word[0] == 't', line, column);
        }

        private JsonNode ParseNumber()
        {
            var start = _pos;
            var column = Column;
            var end = JsonNumber.ScanNumber(_text, start);
            if (end < 0)
            {
                throw Error("expected a number (RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?) but found " + DescribeWord(start));
            }

            if (end < _text.Length && (IsWordChar(_text[end]) || _text[end] == '.'))
            {
                throw Error("expected a number (no leading zeros, no trailing characters) but found " + DescribeWord(start));
            }

            _pos = end;
            return new JsonNumber(_text.Substring(start, end - start), _line, column);
        }

        /// <summary>Reads a string starting at the opening quote; leaves the position after the closing one.</summary>
        private string ParseString()
        {
            _pos++; // opening quote
            var runStart = _pos;

            // Fast path: no escapes.
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '"')
                {
                    var plain = _text.Substring(runStart, _pos - runStart);
                    _pos++;
                    return plain;
                }

                if (c == '\\' || c < 0x20)
                {
                    break;
                }

                _pos++;
            }

            _buffer.Clear();
            _buffer.Append(_text, runStart, _pos - runStart);
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("expected '\"' to close the string but found the end of the input");
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return _buffer.ToString();
                }

                if (c < 0x20)
                {
                    throw Error("expected a string character but found the control character " + Describe(_pos) + " (control characters must be escaped)");
                }

                if (c != '\\')
                {
                    _buffer.Append(c);
                    _pos++;
                    continue;
                }

                if (_pos + 1 >= _text.Length)
                {
                    throw Error("expected an escape character after '\\' but found the end of the input");
                }

                var e = _text[_pos + 1];
                switch (e)
                {
                    case '"': _buffer.Append('"'); break;
                    case '\\': _buffer.Append('\\'); break;
                    case '/': _buffer.Append('/'); break;
                    case 'b': _buffer.Append('\b'); break;
                    case 'f': _buffer.Append('\f'); break;
                    case 'n': _buffer.Append('\n'); break;
                    case 'r': _buffer.Append('\r'); break;
                    case 't': _buffer.Append('\t'); break;
                    case 'u':
                        _buffer.Append(ReadHex4(_pos + 2));
                        _pos += 6;
                        continue;
                    default:
                        _pos++;
                        throw Error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX but found " + Describe(_pos));
                }

                _pos += 2;
            }
        }

        private char ReadHex4(int start)
        {
            var value = 0;
            for (var i = 0; i < 4; i++)
            {
                var p = start + i;
                if (p >= _text.Length)
                {
                    _pos = p;
                    throw Error("expected four hex digits after \\u but found the end of the input");
                }

                var c = _text[p];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    _pos = p;
                    throw Error("expected four hex digits after \\u but found " + Describe(p));
                }

                value = (value << 4) | digit;
            }

            return (char)value;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else if (c == '\n' || c == '\r')
                {
                    _pos++;
                    if (c == '\r' && _pos < _text.Length && _text[_pos] == '\n')
                    {
                        _pos++;
                    }

                    _line++;
                    _lineStart = _pos;
                }
                else
                {
                    return;
                }
            }
        }

        private void CheckDepth(int depth)
        {
            if (depth > _maxDepth)
            {
                throw Error(string.Format(CultureInfo.InvariantCulture, "nesting deeper than the limit of {0} objects/arrays", _maxDepth));
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private JsonParseException Error(string reason) => new(_line, Column, reason);

        private static bool IsWordChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

        private string Describe(int pos)
        {
            if (pos >= _text.Length)
            {
                return "the end of the input";
            }

            var c = _text[pos];
            return c < 0x20 || c == 0x7F
                ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                : "'" + c + "'";
        }

        /// <summary>Names a run of letters/digits ("'undefined'") rather than just its first character.</summary>
        private string DescribeWord(int pos)
        {
            var end = pos;
            while (end < _text.Length && end - pos < 20 && (IsWordChar(_text[end]) || _text[end] == '-' || _text[end] == '.' || _text[end] == '+'))
            {
                end++;
            }

            return end == pos ? Describe(pos) : "'" + _text.Substring(pos, end - pos) + "'";
        }
    }
}
