using System;
using System.Globalization;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Filters;

/// <summary>
/// Parses the filter subset described in README.md into immutable nodes. Recursive descent with
/// OData's precedence (not, then and, then or); keywords are lower case as in OData.
/// </summary>
public static class FilterParser
{
    /// <summary>Nesting limit for parentheses and <c>not</c>, so hostile text cannot exhaust the stack.</summary>
    public const int MaxDepth = 100;

    /// <summary>Parses, or throws <see cref="FilterParseException"/> with position and expectation.</summary>
    public static FilterNode Parse(string filter) => Parse(filter, FilterExtensions.None);

    /// <summary>Parses with the grammar extensions given (none for table maps).</summary>
    public static FilterNode Parse(string filter, FilterExtensions extensions)
    {
        if (filter is null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        return new Reader(filter, extensions).ParseFilter();
    }

    public static bool TryParse(string filter, out FilterNode? node, out FilterParseError? error) =>
        TryParse(filter, FilterExtensions.None, out node, out error);

    public static bool TryParse(string filter, FilterExtensions extensions, out FilterNode? node, out FilterParseError? error)
    {
        try
        {
            node = Parse(filter, extensions);
            error = null;
            return true;
        }
        catch (FilterParseException ex) when (ex.Error is not null)
        {
            node = null;
            error = ex.Error;
            return false;
        }
    }

    internal static bool TryGetComparison(string word, out ComparisonOperator op)
    {
        switch (word)
        {
            case "eq": op = ComparisonOperator.Equal; return true;
            case "ne": op = ComparisonOperator.NotEqual; return true;
            case "gt": op = ComparisonOperator.GreaterThan; return true;
            case "ge": op = ComparisonOperator.GreaterThanOrEqual; return true;
            case "lt": op = ComparisonOperator.LessThan; return true;
            case "le": op = ComparisonOperator.LessThanOrEqual; return true;
            default: op = default; return false;
        }
    }

    private static bool IsKeyword(string word) =>
        word == "and" || word == "or" || word == "not" || TryGetComparison(word, out _);

    private sealed class Reader
    {
        private readonly string _text;
        private readonly FilterExtensions _extensions;
        private int _pos;
        private int _depth;

        public Reader(string text, FilterExtensions extensions)
        {
            _text = text;
            _extensions = extensions;
        }

        public FilterNode ParseFilter()
        {
            SkipSpace();
            var node = ParseOr();
            SkipSpace();
            if (_pos < _text.Length)
            {
                throw Error(_pos, "'and', 'or' or the end of the filter", Found(_pos));
            }

            return node;
        }

        private FilterNode ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                left = new LogicalExpression(left, LogicalOperator.Or, ParseAnd(), left.Position);
            }

            return left;
        }

        private FilterNode ParseAnd()
        {
            var left = ParseUnary();
            while (TryKeyword("and"))
            {
                left = new LogicalExpression(left, LogicalOperator.And, ParseUnary(), left.Position);
            }

            return left;
        }

        private FilterNode ParseUnary()
        {
            SkipSpace();
            var start = _pos;
            if (TryKeyword("not"))
            {
                Enter(start);
                var operand = ParseUnary();
                _depth--;
                return new NotExpression(operand, start + 1);
            }

            return ParsePrimary();
        }

        private FilterNode ParsePrimary()
        {
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == '(')
            {
                var open = _pos;
                Enter(open);
                _pos++;
                SkipSpace();
                var inner = ParseOr();
                SkipSpace();
                if (_pos >= _text.Length || _text[_pos] != ')')
                {
                    throw Error(_pos, "'and', 'or' or ')' to close the '(' at position " + (open + 1).ToString(CultureInfo.InvariantCulture), Found(_pos));
                }

                _pos++;
                _depth--;
                return inner;
            }

            if (TryParseStringFunction(out var call))
            {
                return call!;
            }

            var left = ParseOperand("a condition (a field, a value or '(')");
            SkipSpace();
            var opStart = _pos;
            var word = PeekWord();
            if (TryGetComparison(word, out var op))
            {
                _pos += word.Length;
                var right = ParseOperand("a value or field after '" + word + "'");
                CheckEnumOperator(left, op, right, word, opStart);
                return new ComparisonExpression(left, op, right, left.Position);
            }

            // A lone operand is a condition only when it is boolean: a field (checked when evaluated) or true/false.
            var isCondition = left is FieldReference || (left is FilterLiteral { Value: bool });
            var atBoundary = _pos >= _text.Length || _text[_pos] == ')' || word == "and" || word == "or";
            if (!isCondition || !atBoundary)
            {
                throw Error(opStart, "a comparison operator (eq, ne, gt, ge, lt, le) after " + Describe(left), Found(opStart));
            }

            return left;
        }

        private FilterNode ParseOperand(string expected)
        {
            SkipSpace();
            var start = _pos;
            if (_pos >= _text.Length)
            {
                throw Error(_pos, expected, "the end of the filter");
            }

            var end = ODataLiteral.Scan(_text, _pos, out var value, out _);
            if (end >= 0)
            {
                _pos = end;
                return new FilterLiteral(value, start + 1);
            }

            if (ODataLiteral.IsIdentifierStart(_text[_pos]))
            {
                var name = ReadFieldPath();
                if (IsKeyword(name))
                {
                    throw Error(start, expected, "the keyword '" + name + "'");
                }

                return new FieldReference(name, start + 1);
            }

            var c = _text[_pos];
            if (c == '\'')
            {
                throw Error(start, expected, "a string with no closing quote");
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                var tokenEnd = _pos;
                while (tokenEnd < _text.Length && tokenEnd - _pos < 40 && !char.IsWhiteSpace(_text[tokenEnd]) && _text[tokenEnd] != ')' && _text[tokenEnd] != '(')
                {
                    tokenEnd++;
                }

                throw Error(start, expected, "'" + _text.Substring(_pos, tokenEnd - _pos) + "', which is not a valid number, Guid, date or date-time");
            }

            throw Error(start, expected, Found(start));
        }

        /// <summary>
        /// <c>contains(field,'text')</c> and its siblings, when the caller allows them. Only a function name
        /// followed by '(' is a call, so a field that happens to be named <c>contains</c> still reads as a field.
        /// </summary>
        private bool TryParseStringFunction(out FilterNode? call)
        {
            call = null;
            var start = _pos;
            var word = PeekWord();
            if ((_extensions & FilterExtensions.StringFunctions) == 0 || !StringFunctionCall.TryGetFunction(word, out var function))
            {
                return false;
            }

            var open = start + word.Length;
            while (open < _text.Length && IsSpace(_text[open]))
            {
                open++;
            }

            if (open >= _text.Length || _text[open] != '(')
            {
                return false;
            }

            _pos = open + 1;
            SkipSpace();
            var fieldStart = _pos;
            if (_pos >= _text.Length || !ODataLiteral.IsIdentifierStart(_text[_pos]))
            {
                throw Error(fieldStart, "a field as the first argument of " + word, Found(fieldStart));
            }

            var field = new FieldReference(ReadFieldPath(), fieldStart + 1);
            ExpectChar(',', "',' after the field of " + word);
            SkipSpace();
            var argumentStart = _pos;
            object? value = null;
            var end = _pos < _text.Length && _text[_pos] == '\'' ? ODataLiteral.Scan(_text, _pos, out value, out _) : -1;
            if (end < 0)
            {
                throw Error(argumentStart, "a string literal as the second argument of " + word, _pos < _text.Length && _text[_pos] == '\'' ? "a string with no closing quote" : Found(argumentStart));
            }

            _pos = end;
            ExpectChar(')', "')' to close " + word);
            call = new StringFunctionCall(function, field, (string)value!, start + 1);
            return true;
        }

        private void ExpectChar(char expected, string description)
        {
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] != expected)
            {
                throw Error(_pos, description, Found(_pos));
            }

            _pos++;
        }

        private string ReadFieldPath()
        {
            var start = _pos;
            while (true)
            {
                while (_pos < _text.Length && ODataLiteral.IsIdentifierPart(_text[_pos]))
                {
                    _pos++;
                }

                if (_pos + 1 < _text.Length && _text[_pos] == '/' && ODataLiteral.IsIdentifierStart(_text[_pos + 1]))
                {
                    _pos++;
                    continue;
                }

                return _text.Substring(start, _pos - start);
            }
        }

        /// <summary>F&amp;O enums support only eq and ne; refusing the rest here beats a 400 from the service.</summary>
        private void CheckEnumOperator(FilterNode left, ComparisonOperator op, FilterNode right, string word, int opStart)
        {
            var hasEnum = left is FilterLiteral { Value: ODataEnumValue } || right is FilterLiteral { Value: ODataEnumValue };
            if (hasEnum && op != ComparisonOperator.Equal && op != ComparisonOperator.NotEqual)
            {
                throw Error(opStart, "'eq' or 'ne' (enum values support only those)", "'" + word + "'");
            }
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            if (PeekWord() != keyword)
            {
                return false;
            }

            _pos += keyword.Length;
            return true;
        }

        /// <summary>The run of identifier characters at the position ("" when none).</summary>
        private string PeekWord()
        {
            var end = _pos;
            while (end < _text.Length && ODataLiteral.IsIdentifierPart(_text[end]))
            {
                end++;
            }

            return _text.Substring(_pos, end - _pos);
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        private void SkipSpace()
        {
            while (_pos < _text.Length && IsSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private void Enter(int at)
        {
            if (++_depth > MaxDepth)
            {
                throw Error(at, "at most " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " nested parentheses or 'not's", "deeper nesting");
            }
        }

        private string Found(int pos)
        {
            if (pos >= _text.Length)
            {
                return "the end of the filter";
            }

            var end = pos;
            while (end < _text.Length && end - pos < 30 && ODataLiteral.IsIdentifierPart(_text[end]))
            {
                end++;
            }

            return end > pos ? "'" + _text.Substring(pos, end - pos) + "'" : "'" + _text[pos] + "'";
        }

        private static string Describe(FilterNode node) => node switch
        {
            FieldReference f => "the field '" + f.Name + "'",
            FilterLiteral l => "the value " + ODataLiteral.Format(l.Value),
            _ => FilterPrinter.Print(node),
        };

        private FilterParseException Error(int pos, string expected, string found) =>
            new(new FilterParseError(_text, pos + 1, expected, found));
    }
}
