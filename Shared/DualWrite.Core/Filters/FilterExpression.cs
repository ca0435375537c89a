using System;
using System.Collections.Generic;

namespace DualWrite.Core.Filters;

/// <summary>
/// A parsed table-map filter: the tree, the fields it references (so validation can check them against
/// metadata), evaluation against a record, and the canonical text to send in <c>$filter</c>.
/// </summary>
public sealed class FilterExpression
{
    private readonly string[] _fieldNames;

    public FilterExpression(FilterNode root)
        : this(root, null)
    {
    }

    private FilterExpression(FilterNode root, string? text)
    {
        Root = root ?? throw new ArgumentNullException(nameof(root));
        _fieldNames = CollectFields(root);
        Text = text ?? FilterPrinter.Print(root);
    }

    public FilterNode Root { get; }

    /// <summary>The text as written in the map (or the canonical text when built in code).</summary>
    public string Text { get; }

    /// <summary>Distinct field names (paths) in order of first use, compared ordinally.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>Parses, or throws <see cref="FilterParseException"/>.</summary>
    public static FilterExpression Parse(string filter) => new(FilterParser.Parse(filter), filter);

    /// <summary>Parses; on failure returns false with the position and what was expected.</summary>
    public static bool TryParse(string filter, out FilterExpression? expression, out FilterParseError? error)
    {
        if (FilterParser.TryParse(filter, out var node, out error))
        {
            expression = new FilterExpression(node!, filter);
            return true;
        }

        expression = null;
        return false;
    }

    /// <summary>True when the record read through <paramref name="getField"/> matches.</summary>
    public bool Evaluate(Func<string, object?> getField) => FilterEvaluator.Evaluate(Root, getField);

    /// <summary>Canonical OData text, e.g. <c>PartyType eq 'Organization' and not (CreditLimit gt 0)</c>.</summary>
    public string ToODataString() => FilterPrinter.Print(Root);

    /// <summary>Canonical text percent-encoded for a query string (<c>$filter=</c> value).</summary>
    public string ToQueryValue() => FilterPrinter.PrintForQuery(Root);

    public override string ToString() => ToODataString();

    private static string[] CollectFields(FilterNode root)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<FilterNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case FieldReference f:
                    if (seen.Add(f.Name))
                    {
                        names.Add(f.Name);
                    }

                    break;
                case ComparisonExpression c:
                    stack.Push(c.Right);
                    stack.Push(c.Left);
                    break;
                case LogicalExpression l:
                    stack.Push(l.Right);
                    stack.Push(l.Left);
                    break;
                case StringFunctionCall call:
                    stack.Push(call.Field);
                    break;
                case NotExpression n:
                    stack.Push(n.Operand);
                    break;
            }
        }

        return names.ToArray();
    }
}
