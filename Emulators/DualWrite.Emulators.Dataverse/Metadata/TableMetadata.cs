using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.Dataverse.Metadata;

/// <summary>A table: its primary key, columns and alternate keys. Immutable once the engine is built.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnMetadata> _columns;

    public TableMetadata(
        string logicalName,
        string primaryIdAttribute,
        string? primaryNameAttribute,
        IEnumerable<ColumnMetadata> columns,
        IEnumerable<AlternateKeyMetadata> alternateKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        ArgumentException.ThrowIfNullOrWhiteSpace(primaryIdAttribute);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(alternateKeys);
        LogicalName = logicalName;
        PrimaryIdAttribute = primaryIdAttribute;
        PrimaryNameAttribute = primaryNameAttribute;
        _columns = columns.ToDictionary(c => c.LogicalName, StringComparer.Ordinal);
        AlternateKeys = alternateKeys.ToList();
        RequiredColumns = _columns.Values.Where(c => c.IsRequired).Select(c => c.LogicalName).ToList();
        if (!_columns.TryGetValue(primaryIdAttribute, out var pk) || pk.Type != ColumnType.UniqueIdentifier)
        {
            throw new ArgumentException($"Table '{logicalName}': the primary key '{primaryIdAttribute}' must be a UniqueIdentifier column.");
        }

        foreach (var key in AlternateKeys)
        {
            var missing = key.Columns.Where(c => !_columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException(
                    $"Table '{logicalName}': alternate key '{key.LogicalName}' names columns the table does not have: {string.Join(", ", missing)}.");
            }
        }
    }

    public string LogicalName { get; }

    public string PrimaryIdAttribute { get; }

    public string? PrimaryNameAttribute { get; }

    public IReadOnlyCollection<ColumnMetadata> Columns => _columns.Values;

    /// <summary>The columns every write must leave with a value (found once: each write checks them).</summary>
    public IReadOnlyList<string> RequiredColumns { get; }

    public IReadOnlyList<AlternateKeyMetadata> AlternateKeys { get; }

    public bool TryGetColumn(string logicalName, out ColumnMetadata column)
        => _columns.TryGetValue(logicalName, out column!);

    public bool HasColumn(string logicalName) => _columns.ContainsKey(logicalName);

    /// <summary>The alternate key made of exactly these columns (in any order), or null.</summary>
    public AlternateKeyMetadata? FindKeyByColumns(IEnumerable<string> columns)
    {
        var set = new HashSet<string>(columns, StringComparer.Ordinal);
        return AlternateKeys.FirstOrDefault(k => k.Columns.Count == set.Count && k.Columns.All(set.Contains));
    }
}
