using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Metadata;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// The whole store at one moment. Immutable: every write returns a new state sharing what did not change,
/// which makes the committed state safe to read without a lock and a rollback as cheap as dropping a reference.
/// </summary>
internal sealed class StoreState
{
    public static readonly StoreState Empty = new(ImmutableDictionary<string, TableState>.Empty.WithComparers(StringComparer.Ordinal), 1);

    private StoreState(ImmutableDictionary<string, TableState> tables, long nextSequence)
    {
        Tables = tables;
        NextSequence = nextSequence;
    }

    public ImmutableDictionary<string, TableState> Tables { get; }

    public long NextSequence { get; }

    public TableState Table(string logicalName)
        => Tables.TryGetValue(logicalName, out var table) ? table : TableState.Empty;

    public StoredRecord? Find(string table, Guid id)
        => Table(table).Records.TryGetValue(id, out var record) ? record : null;

    public Guid? FindByKey(string table, string keyName, string keyText)
        => Table(table).KeyIndexes.TryGetValue(keyName, out var index) && index.TryGetValue(keyText, out var id) ? id : null;

    public IEnumerable<StoredRecord> Records(string table) => Table(table).Records.Values;

    /// <summary>Inserts or replaces a record, keeping alternate-key indexes unique.</summary>
    public StoreState Put(TableMetadata table, Guid id, ImmutableDictionary<string, object?> values)
    {
        var existing = Find(table.LogicalName, id);
        return Put(table, existing is null ? new StoredRecord(id, NextSequence, values) : existing.With(values));
    }

    /// <summary>Inserts or replaces a record as it is (its sequence kept), keeping alternate-key indexes unique.</summary>
    public StoreState Put(TableMetadata table, StoredRecord record)
    {
        var id = record.Id;
        var values = record.Values;
        var state = Table(table.LogicalName);
        var existing = state.Records.TryGetValue(id, out var old) ? old : null;
        var indexes = state.KeyIndexes;
        foreach (var key in table.AlternateKeys)
        {
            var index = indexes.TryGetValue(key.LogicalName, out var found) ? found : ImmutableDictionary<string, Guid>.Empty.WithComparers(StringComparer.Ordinal);
            var oldText = existing is null ? null : KeyValueText.FromValues(key, existing.Values);
            var newText = KeyValueText.FromValues(key, values);
            if (oldText is not null)
            {
                index = index.Remove(oldText);
            }

            if (newText is not null)
            {
                if (index.TryGetValue(newText, out var holder) && holder != id)
                {
                    throw DataverseFaultException.Create(
                        ErrorCodes.DuplicateRecord,
                        $"A record that has the attribute values {Describe(key, values)} already exists. The entity key {key.LogicalName} of table '{table.LogicalName}' requires that this set of attributes contains unique values (held by {holder}).");
                }

                index = index.SetItem(newText, id);
            }

            indexes = indexes.SetItem(key.LogicalName, index);
        }

        var next = state with { Records = state.Records.SetItem(id, record), KeyIndexes = indexes };
        return new StoreState(Tables.SetItem(table.LogicalName, next), Math.Max(NextSequence, record.Sequence + 1));
    }

    /// <summary>
    /// Another transaction's committed rows, as committed (sequences kept): its old rows go first, so a key value
    /// that moved from one of its rows to another is never seen twice.
    /// </summary>
    public StoreState ApplyCommitted(IReadOnlyList<RowWrite> changes)
    {
        var state = this;
        foreach (var change in changes)
        {
            state = state.Remove(change.Table, change.Id);
        }

        foreach (var change in changes)
        {
            if (change.Record is not null)
            {
                state = state.Put(change.Table, change.Record);
            }
        }

        return state;
    }

    /// <summary>
    /// A transaction's final rows written over this (newer) committed state: a row that exists keeps its sequence,
    /// a new one gets the next. Returns the new state and the rows as committed.
    /// </summary>
    public (StoreState State, IReadOnlyList<RowWrite> Committed) ApplyTransaction(IEnumerable<RowWrite> writes)
    {
        var state = this;
        var finals = new List<RowWrite>();
        var sequences = new Dictionary<RowKey, long>();
        foreach (var write in writes)
        {
            finals.Add(write);
            if (state.Find(write.Table.LogicalName, write.Id) is { } existing)
            {
                sequences[new RowKey(write.Table.LogicalName, write.Id)] = existing.Sequence;
                state = state.Remove(write.Table, write.Id);
            }
        }

        var committed = new List<RowWrite>(finals.Count);
        foreach (var write in finals)
        {
            if (write.Record is null)
            {
                committed.Add(write);
                continue;
            }

            var sequence = sequences.TryGetValue(new RowKey(write.Table.LogicalName, write.Id), out var kept) ? kept : state.NextSequence;
            var record = new StoredRecord(write.Id, sequence, write.Record.Values);
            state = state.Put(write.Table, record);
            committed.Add(write with { Record = record });
        }

        return (state, committed);
    }

    public StoreState Remove(TableMetadata table, Guid id)
    {
        var state = Table(table.LogicalName);
        if (!state.Records.TryGetValue(id, out var existing))
        {
            return this;
        }

        var indexes = state.KeyIndexes;
        foreach (var key in table.AlternateKeys)
        {
            var text = KeyValueText.FromValues(key, existing.Values);
            if (text is not null && indexes.TryGetValue(key.LogicalName, out var index))
            {
                indexes = indexes.SetItem(key.LogicalName, index.Remove(text));
            }
        }

        var next = state with { Records = state.Records.Remove(id), KeyIndexes = indexes };
        return new StoreState(Tables.SetItem(table.LogicalName, next), NextSequence);
    }

    private static string Describe(AlternateKeyMetadata key, IReadOnlyDictionary<string, object?> values)
    {
        var parts = new List<string>();
        foreach (var column in key.Columns)
        {
            parts.Add($"{column}={ValueText.Format(values.TryGetValue(column, out var v) ? v : null)}");
        }

        return string.Join(", ", parts);
    }
}
