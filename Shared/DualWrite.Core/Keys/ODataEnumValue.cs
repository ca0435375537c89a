using System;

namespace DualWrite.Core.Keys;

/// <summary>
/// An OData enum literal such as <c>Microsoft.Dynamics.DataEntities.NoYes'Yes'</c>: the qualified enum
/// type name and the member symbol (F&amp;O expects enum values in keys and filters in this form).
/// </summary>
public sealed class ODataEnumValue : IEquatable<ODataEnumValue>
{
    /// <summary>The namespace F&amp;O puts its enums in.</summary>
    public const string FinOpsNamespace = "Microsoft.Dynamics.DataEntities";

    public ODataEnumValue(string typeName, string symbol)
    {
        if (string.IsNullOrEmpty(typeName))
        {
            throw new ArgumentException("An enum literal needs a qualified type name.", nameof(typeName));
        }

        if (!ODataLiteral.IsQualifiedName(typeName))
        {
            throw new ArgumentException("'" + typeName + "' is not a qualified OData type name.", nameof(typeName));
        }

        TypeName = typeName;
        Symbol = symbol ?? throw new ArgumentNullException(nameof(symbol));
    }

    /// <summary>Qualified type name, e.g. <c>Microsoft.Dynamics.DataEntities.NoYes</c>.</summary>
    public string TypeName { get; }

    /// <summary>Member name, e.g. <c>Yes</c>.</summary>
    public string Symbol { get; }

    /// <summary>An F&amp;O enum value: <c>ForFinOps("NoYes", "Yes")</c> is <c>Microsoft.Dynamics.DataEntities.NoYes'Yes'</c>.</summary>
    public static ODataEnumValue ForFinOps(string enumName, string symbol) => new(FinOpsNamespace + "." + enumName, symbol);

    public bool Equals(ODataEnumValue? other) =>
        other is not null
        && string.Equals(TypeName, other.TypeName, StringComparison.Ordinal)
        && string.Equals(Symbol, other.Symbol, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ODataEnumValue);

    public override int GetHashCode() =>
        (StringComparer.Ordinal.GetHashCode(TypeName) * 397) ^ StringComparer.Ordinal.GetHashCode(Symbol);

    /// <summary>The literal text (not URL-escaped).</summary>
    public override string ToString() => ODataLiteral.Format(this);
}
