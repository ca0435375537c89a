using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.WebApi.QueryOptions;

/// <summary>
/// Translates an OData $filter (eq, ne, gt, ge, lt, le, and, or, not, parentheses, contains, startswith, endswith,
/// null) into QueryExpression criteria, which the engine evaluates. QueryExpression has no NOT, so negation is
/// pushed down while parsing (De Morgan; each operator to its opposite), which keeps SQL's null semantics.
/// </summary>
public sealed class FilterTranslator
{
    private readonly EntitySetModel _set;
    private readonly List<string> _tokens;
    private int _position;

    private FilterTranslator(EntitySetModel set, List<string> tokens)
    {
        _set = set;
        _tokens = tokens;
    }

    public static FilterExpression Translate(EntitySetModel set, string filter)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(filter);
        var translator = new FilterTranslator(set, Tokenize(filter));
        var result = translator.ParseOr(negate: false);
        if (translator._position != translator._tokens.Count)
        {
            throw Syntax(filter, $"unexpected '{translator._tokens[translator._position]}'");
        }

        return result;
    }

    private FilterExpression ParseOr(bool negate)
    {
        var parts = new List<FilterExpression> { ParseAnd(negate) };
        while (Accept("or"))
        {
            parts.Add(ParseAnd(negate));
        }

        return Combine(parts, negate ? LogicalOperator.And : LogicalOperator.Or);
    }

    private FilterExpression ParseAnd(bool negate)
    {
        var parts = new List<FilterExpression> { ParseUnary(negate) };
        while (Accept("and"))
        {
            parts.Add(ParseUnary(negate));
        }

        return Combine(parts, negate ? LogicalOperator.Or : LogicalOperator.And);
    }

    private FilterExpression ParseUnary(bool negate)
    {
        if (Accept("not"))
        {
            return ParseUnary(!negate);
        }

        if (Accept("("))
        {
            var inner = ParseOr(negate);
            Expect(")");
            return inner;
        }

        var word = Next("a property or function");
        if (word is "contains" or "startswith" or "endswith")
        {
            Expect("(");
            var column = Column(Next("a property"));
            Expect(",");
            var literal = Next("a string");
            Expect(")");
            var text = literal.Length >= 2 && literal[0] == '\'' ? Unquote(literal) : throw WebApiException.BadRequest($"{word} needs a string literal, not {literal}.");
            var condition = word switch
            {
                "contains" => new ConditionExpression(column.LogicalName, negate ? ConditionOperator.NotLike : ConditionOperator.Like, "%" + EscapeLike(text) + "%"),
                "startswith" => new ConditionExpression(column.LogicalName, negate ? ConditionOperator.DoesNotBeginWith : ConditionOperator.BeginsWith, text),
                _ => new ConditionExpression(column.LogicalName, negate ? ConditionOperator.DoesNotEndWith : ConditionOperator.EndsWith, text),
            };
            return Single(condition);
        }

        var target = Column(word);
        var op = Next("a comparison operator");
        var value = Literal(target, Next("a value"));
        if (value is null)
        {
            return op switch
            {
                "eq" => Single(new ConditionExpression(target.LogicalName, negate ? ConditionOperator.NotNull : ConditionOperator.Null)),
                "ne" => Single(new ConditionExpression(target.LogicalName, negate ? ConditionOperator.Null : ConditionOperator.NotNull)),
                _ => throw WebApiException.BadRequest($"The operator '{op}' cannot compare with null."),
            };
        }

        var conditionOperator = (op, negate) switch
        {
            ("eq", false) or ("ne", true) => ConditionOperator.Equal,
            ("ne", false) or ("eq", true) => ConditionOperator.NotEqual,
            ("gt", false) or ("le", true) => ConditionOperator.GreaterThan,
            ("ge", false) or ("lt", true) => ConditionOperator.GreaterEqual,
            ("lt", false) or ("ge", true) => ConditionOperator.LessThan,
            ("le", false) or ("gt", true) => ConditionOperator.LessEqual,
            _ => throw WebApiException.BadRequest($"The operator '{op}' is not supported in $filter."),
        };
        return Single(new ConditionExpression(target.LogicalName, conditionOperator, value));
    }

    private ColumnMetadata Column(string property)
        => _set.ColumnOfProperty(property)
            ?? throw WebApiException.BadRequest($"Could not find a property named '{property}' on type '{_set.TypeName}'.");

    private static object? Literal(ColumnMetadata column, string token)
    {
        if (token == "null")
        {
            return null;
        }

        if (token.Length >= 2 && token[0] == '\'')
        {
            return Unquote(token);
        }

        if (token is "true" or "false")
        {
            return token == "true";
        }

        if (Guid.TryParse(token, out var guid))
        {
            return guid;
        }

        if (column.Type == ColumnType.DateTime && DateTime.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return column.Type is ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status && number == decimal.Truncate(number) ? (object)(int)number : number;
        }

        throw WebApiException.BadRequest($"'{token}' is not a valid literal for '{column.LogicalName}'.");
    }

    private static FilterExpression Single(ConditionExpression condition)
    {
        var filter = new FilterExpression(LogicalOperator.And);
        filter.AddCondition(condition);
        return filter;
    }

    private static FilterExpression Combine(List<FilterExpression> parts, LogicalOperator logical)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var filter = new FilterExpression(logical);
        foreach (var part in parts)
        {
            filter.AddFilter(part);
        }

        return filter;
    }

    private static string EscapeLike(string text)
        => text.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal);

    private static string Unquote(string literal) => literal[1..^1].Replace("''", "'", StringComparison.Ordinal);

    private bool Accept(string token)
    {
        if (_position < _tokens.Count && string.Equals(_tokens[_position], token, StringComparison.Ordinal))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw WebApiException.BadRequest($"Syntax error in $filter: expected '{token}' at token {_position + 1}.");
        }
    }

    private string Next(string expected)
        => _position < _tokens.Count ? _tokens[_position++] : throw WebApiException.BadRequest($"Syntax error in $filter: expected {expected} at the end.");

    private static WebApiException Syntax(string filter, string problem) => WebApiException.BadRequest($"Syntax error in $filter '{filter}': {problem}.");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var literal = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw Syntax(text, "unterminated string literal");
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            literal.Append("''");
                            i += 2;
                            continue;
                        }

                        literal.Append('\'');
                        i++;
                        break;
                    }

                    literal.Append(text[i++]);
                }

                tokens.Add(literal.ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or '\''))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
