using System;
using System.Linq;
using DualWrite.Core.Keys;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Turns a URL key (parsed by Core's <see cref="ODataKeyParser"/>) into a probe row holding the key
/// values in their stored types. Every key field is required, by name, as F&amp;O requires.
/// </summary>
public static class KeyResolver
{
    public static bool TryResolve(EntitySetSchema set, ODataKey key, out object?[]? probe, out string? error)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(key);
        probe = null;
        var names = key.IsUnnamed ? null : key.Parts.Select(p => p.Name!).ToList();
        var shapeFits = key.IsUnnamed
            ? set.KeyFields.Count == 1
            : names!.Count == set.KeyFields.Count && set.KeyFields.All(k => names.Contains(k.Name, StringComparer.Ordinal));
        if (!shapeFits)
        {
            error = "The key in the request URI is not valid for resource '" + set.EntityTypeName
                + "'. Ensure that the names and number of key properties match the declared or inherited key properties ("
                + string.Join(", ", set.KeyFields.Select(k => k.Name)) + ") for the resource '" + set.EntityTypeName + "'.";
            return false;
        }

        var row = new object?[set.Fields.Count];
        foreach (var part in key.Parts)
        {
            var field = part.Name is null ? set.KeyFields[0] : set.GetField(part.Name);
            if (!TryConvert(field, part.Value, out var value))
            {
                error = "The key value " + ODataLiteral.Format(part.Value) + " of '" + field.Name + "' does not have the type of the key property ("
                    + (field.EnumTypeName ?? "Edm." + field.Kind) + ").";
                return false;
            }

            row[field.Index] = value;
        }

        probe = row;
        error = null;
        return true;
    }

    private static bool TryConvert(FieldSchema field, object literal, out object? value)
    {
        value = null;
        switch (field.Kind)
        {
            case FieldKind.String when literal is string s:
                value = s;
                return true;
            case FieldKind.Enum when literal is ODataEnumValue e && string.Equals(e.TypeName, field.EnumTypeName, StringComparison.Ordinal):
                value = field.FindEnumMember(e.Symbol);
                return value is not null;
            case FieldKind.Enum when literal is string symbol:
                value = field.FindEnumMember(symbol);
                return value is not null;
            case FieldKind.Int32 when literal is long l && l is >= int.MinValue and <= int.MaxValue:
                value = (int)l;
                return true;
            case FieldKind.Int64 when literal is long l:
                value = l;
                return true;
            case FieldKind.Guid when literal is Guid g:
                value = g;
                return true;
            default:
                return false;
        }
    }
}
