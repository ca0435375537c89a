using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.Reading;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// The business key both sides of a map order by, column by column (F&amp;O's key field, the Dataverse column mapped
/// from it), and how two key values compare: strings ignoring case, as both services' default collation orders them
/// and as the reader's keyset filters compare; numbers by value.
/// </summary>
public sealed class JoinKey
{
    private JoinKey(IReadOnlyList<KeyColumn> finOps, IReadOnlyList<KeyColumn> dataverse)
    {
        FinOps = finOps;
        Dataverse = dataverse;
    }

    public IReadOnlyList<KeyColumn> FinOps { get; }

    public IReadOnlyList<KeyColumn> Dataverse { get; }

    /// <summary>
    /// Pairs the two reads' key columns; throws <see cref="ReconcileConfigurationException"/> when they are not the same
    /// business key in the same order (a merge join would then report every record missing on both sides).
    /// </summary>
    public static JoinKey For(TableMap map, SourceShape finOps, SourceShape dataverse)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(finOps);
        ArgumentNullException.ThrowIfNull(dataverse);
        var problem = finOps.Keys.Count != dataverse.Keys.Count;
        for (var i = 0; !problem && i < finOps.Keys.Count; i++)
        {
            var field = map.Fields.FirstOrDefault(f => string.Equals(f.FinOpsField, finOps.Keys[i].Property, StringComparison.Ordinal));
            var column = field?.DataverseField;
            problem = column is null
                || (!string.Equals(column, dataverse.Keys[i].Property, StringComparison.Ordinal)
                    && !string.Equals("_" + column + "_value", dataverse.Keys[i].Property, StringComparison.Ordinal));
        }

        if (problem)
        {
            throw new ReconcileConfigurationException(
                "Map '" + map.Name + "': the F&O key (" + string.Join(", ", finOps.Keys.Select(k => k.Property)) + ") and the Dataverse key ("
                + string.Join(", ", dataverse.Keys.Select(k => k.Property)) + ") are not the same fields in the same order, so the two sides cannot be joined by key.");
        }

        return new JoinKey(finOps.Keys, dataverse.Keys);
    }

    /// <summary>Orders two key values of the same shape (as <see cref="RecordCursor.Values"/> holds them).</summary>
    public int Compare(IReadOnlyList<string?> left, IReadOnlyList<string?> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        for (var i = 0; i < FinOps.Count; i++)
        {
            var order = CompareValue(FinOps[i].Type, left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>The key as errors and reports show it: <c>CustomerAccount=US-001</c>.</summary>
    public string Describe(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join(", ", FinOps.Select((key, i) => key.Property + "=" + (values[i] ?? "null")));
    }

    private static int CompareValue(FieldType type, string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1; // nulls first, as both services sort them
        }

        if (type is FieldType.Int or FieldType.Long or FieldType.Decimal or FieldType.Money or FieldType.Choice
            && decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
        {
            return l.CompareTo(r);
        }

        return Math.Sign(string.Compare(left, right, StringComparison.OrdinalIgnoreCase));
    }
}
