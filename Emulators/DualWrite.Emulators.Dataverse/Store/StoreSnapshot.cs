using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// A copy of every committed record, for before/after assertions. Equal snapshots have equal <see cref="Text"/>:
/// tables, ids and every column value, in a fixed order, so a failed assertion shows the difference.
/// </summary>
public sealed class StoreSnapshot : IEquatable<StoreSnapshot>
{
    internal StoreSnapshot(IReadOnlyDictionary<string, IReadOnlyList<Entity>> tables)
    {
        Tables = tables;
        var text = new StringBuilder();
        foreach (var table in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var record in table.Value.OrderBy(r => r.Id))
            {
                text.Append(table.Key).Append(' ').Append(record.Id).Append(':');
                foreach (var pair in record.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    text.Append(' ').Append(pair.Key).Append('=').Append(ValueText.Format(pair.Value));
                }

                text.AppendLine();
            }
        }

        Text = text.ToString();
    }

    /// <summary>Records per table (copies: changing them changes nothing).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Entity>> Tables { get; }

    public string Text { get; }

    public int RecordCount => Tables.Values.Sum(t => t.Count);

    public bool Equals(StoreSnapshot? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as StoreSnapshot);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}
