using System;

namespace DualWrite.Core.Filters;

/// <summary><c>contains(Field,'text')</c> and its siblings: a condition on a field's text and a string literal.</summary>
public sealed class StringFunctionCall : FilterNode
{
    public StringFunctionCall(StringFunction function, FieldReference field, string argument, int position = 0)
        : base(position)
    {
        Function = function;
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Argument = argument ?? throw new ArgumentNullException(nameof(argument));
    }

    public StringFunction Function { get; }

    public FieldReference Field { get; }

    /// <summary>The string literal's text (quotes removed, doubled quotes undone).</summary>
    public string Argument { get; }

    /// <summary>The function's name as OData spells it (lower case).</summary>
    public static string NameOf(StringFunction function) => function switch
    {
        StringFunction.Contains => "contains",
        StringFunction.StartsWith => "startswith",
        StringFunction.EndsWith => "endswith",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown string function."),
    };

    internal static bool TryGetFunction(string name, out StringFunction function)
    {
        switch (name)
        {
            case "contains": function = StringFunction.Contains; return true;
            case "startswith": function = StringFunction.StartsWith; return true;
            case "endswith": function = StringFunction.EndsWith; return true;
            default: function = default; return false;
        }
    }
}
