using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// The main operation of each data message: resolves ids and alternate keys, checks values against metadata,
/// maintains createdon/modifiedon/versionnumber and writes through <see cref="IStateAccess"/>.
/// </summary>
internal sealed class RecordOperations
{
    private readonly MetadataRegistry _metadata;
    private readonly TimeProvider _time;
    private long _version;

    public RecordOperations(MetadataRegistry metadata, TimeProvider time)
    {
        _metadata = metadata;
        _time = time;
    }

    public MetadataRegistry Metadata => _metadata;

    /// <summary>The id a target names, by Id or by alternate key; Guid.Empty when no record has that key.</summary>
    public Guid ResolveId(StoreState state, TableMetadata table, Guid id, KeyAttributeCollection? keys)
    {
        if (id != Guid.Empty)
        {
            return id;
        }

        if (keys is null || keys.Count == 0)
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, $"A record of table '{table.LogicalName}' must be named by its Id or by an alternate key.");
        }

        // The primary key given as a key attribute names the record directly.
        if (keys.Count == 1 && keys.Contains(table.PrimaryIdAttribute) && keys[table.PrimaryIdAttribute] is Guid direct)
        {
            return direct;
        }

        var key = table.FindKeyByColumns(keys.Keys)
            ?? throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"Table '{table.LogicalName}' has no alternate key made of the columns {string.Join(", ", keys.Keys)}.");
        return state.FindByKey(table.LogicalName, key.LogicalName, KeyValueText.FromKeyAttributes(key, keys)) ?? Guid.Empty;
    }

    /// <summary>Like <see cref="ResolveId"/> but a missing record is the ObjectDoesNotExist fault.</summary>
    public StoredRecord RequireRecord(StoreState state, TableMetadata table, Guid id, KeyAttributeCollection? keys)
    {
        var resolved = ResolveId(state, table, id, keys);
        var record = resolved == Guid.Empty ? null : state.Find(table.LogicalName, resolved);
        if (record is not null)
        {
            return record;
        }

        var naming = resolved != Guid.Empty
            ? $"Id = {resolved}"
            : string.Join(", ", keys!.Select(k => $"{k.Key} = {ValueText.Format(k.Value)}"));
        throw DataverseFaultException.Create(ErrorCodes.ObjectDoesNotExist, $"Entity '{table.LogicalName}' With {naming} Does Not Exist");
    }

    public Guid Create(IStateAccess access, Entity target, Guid userId)
    {
        var table = _metadata.Table(target.LogicalName);
        var state = access.State;
        var id = target.Id;
        if (id == Guid.Empty && target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var given) && given is Guid givenId)
        {
            id = givenId;
        }

        if (id == Guid.Empty)
        {
            id = Guid.NewGuid();
        }

        // Two creates with one given id: the second waits for the first, then finds its row.
        access.LockRow(table, id);
        state = access.State;
        if (state.Find(table.LogicalName, id) is not null)
        {
            throw DataverseFaultException.Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: a '{table.LogicalName}' record with id {id} already exists.");
        }

        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        // Key values that named the record become its column values (an upsert that creates does this).
        foreach (var pair in target.KeyAttributes)
        {
            values[pair.Key] = CheckedCopy(state, table, pair.Key, pair.Value);
        }

        foreach (var pair in target.Attributes)
        {
            values[pair.Key] = CheckedCopy(state, table, pair.Key, pair.Value);
        }

        var now = CurrentUtc();
        var user = new EntityReference("systemuser", userId);
        values[table.PrimaryIdAttribute] = id;
        values[SystemColumns.CreatedOn] = now;
        values[SystemColumns.ModifiedOn] = now;
        values[SystemColumns.CreatedBy] = ValueCopier.CopyReference(user);
        values[SystemColumns.ModifiedBy] = ValueCopier.CopyReference(user);
        values[SystemColumns.VersionNumber] = NextVersion();
        if (!values.TryGetValue(SystemColumns.OwnerId, out var owner) || owner is null)
        {
            values[SystemColumns.OwnerId] = ValueCopier.CopyReference(user);
        }

        var stored = values.ToImmutable();
        CheckRequired(table, stored);
        access.Put(table, id, stored);
        return id;
    }

    public Guid Update(IStateAccess access, Entity target, Guid userId, ConcurrencyBehavior concurrency)
    {
        var table = _metadata.Table(target.LogicalName);
        var (state, record) = LockedRecord(access, table, target.Id, target.KeyAttributes);
        CheckRowVersion(table, record, target.RowVersion, concurrency);
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in target.Attributes)
        {
            if (string.Equals(pair.Key, table.PrimaryIdAttribute, StringComparison.Ordinal))
            {
                continue; // the id cannot change; sending it back is harmless
            }

            changes[pair.Key] = CheckedCopy(state, table, pair.Key, pair.Value);
        }

        changes[SystemColumns.ModifiedOn] = CurrentUtc();
        changes[SystemColumns.ModifiedBy] = new EntityReference("systemuser", userId);
        changes[SystemColumns.VersionNumber] = NextVersion();
        var merged = record.Values.SetItems(changes);
        CheckRequired(table, merged);
        access.Put(table, record.Id, merged);
        return record.Id;
    }

    public Guid Delete(IStateAccess access, EntityReference target, ConcurrencyBehavior concurrency)
    {
        var table = _metadata.Table(target.LogicalName);
        var (_, record) = LockedRecord(access, table, target.Id, target.KeyAttributes);
        CheckRowVersion(table, record, target.RowVersion, concurrency);
        access.Remove(table, record.Id);
        return record.Id;
    }

    /// <summary>
    /// The record a write changes, read after its row lock is held: a writer that waited sees the holder's committed
    /// values, so no update is lost.
    /// </summary>
    private (StoreState State, StoredRecord Record) LockedRecord(IStateAccess access, TableMetadata table, Guid id, KeyAttributeCollection? keys)
    {
        var found = RequireRecord(access.State, table, id, keys);
        access.LockRow(table, found.Id);
        var state = access.State;
        return (state, RequireRecord(state, table, found.Id, null));
    }

    /// <summary>A copy of a stored record as the SDK returns it: only the requested columns that hold a value.</summary>
    public static Entity ToEntity(TableMetadata table, StoredRecord record, ColumnSet? columns)
    {
        var entity = new Entity(table.LogicalName, record.Id)
        {
            RowVersion = record.Version.ToString(CultureInfo.InvariantCulture),
        };
        if (columns is not null && !columns.AllColumns)
        {
            foreach (var column in columns.Columns)
            {
                if (!table.HasColumn(column))
                {
                    throw UnknownColumn(table, column);
                }
            }
        }

        foreach (var pair in record.Values)
        {
            if (pair.Value is null)
            {
                continue; // the platform leaves null columns out
            }

            var wanted = columns is null
                ? string.Equals(pair.Key, table.PrimaryIdAttribute, StringComparison.Ordinal)
                : columns.AllColumns || columns.Columns.Contains(pair.Key) || string.Equals(pair.Key, table.PrimaryIdAttribute, StringComparison.Ordinal);
            if (wanted)
            {
                entity.Attributes[pair.Key] = ValueCopier.Copy(pair.Value);
            }
        }

        return entity;
    }

    public static DataverseFaultException UnknownColumn(TableMetadata table, string column)
        => DataverseFaultException.Create(
            ErrorCodes.AttributeDoesNotExist,
            $"'{table.LogicalName}' entity doesn't contain attribute with Name = '{column}'.");

    private object? CheckedCopy(StoreState state, TableMetadata table, string columnName, object? value)
    {
        if (!table.TryGetColumn(columnName, out var column))
        {
            throw UnknownColumn(table, columnName);
        }

        ColumnValueChecker.Check(table, column, value);
        if (value is int small && column.Type == ColumnType.BigInt)
        {
            return (long)small;
        }

        if (value is EntityReference reference)
        {
            return ResolveReference(state, reference);
        }

        return ValueCopier.Copy(value);
    }

    /// <summary>A lookup given by alternate key is stored by id; a lookup to a declared table must point at a record.</summary>
    private EntityReference ResolveReference(StoreState state, EntityReference reference)
    {
        if (!_metadata.TryGetTable(reference.LogicalName, out var target))
        {
            return new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
        }

        var record = RequireRecord(state, target, reference.Id, reference.KeyAttributes);
        return new EntityReference(reference.LogicalName, record.Id) { Name = reference.Name };
    }

    private static void CheckRequired(TableMetadata table, IReadOnlyDictionary<string, object?> values)
    {
        List<string>? missing = null;
        foreach (var column in table.RequiredColumns)
        {
            if (!values.TryGetValue(column, out var v) || v is null)
            {
                (missing ??= []).Add(column);
            }
        }

        if (missing is not null)
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"Table '{table.LogicalName}' requires a value for: {string.Join(", ", missing)}.");
        }
    }

    private static void CheckRowVersion(TableMetadata table, StoredRecord record, string? rowVersion, ConcurrencyBehavior concurrency)
    {
        if (concurrency != ConcurrencyBehavior.IfRowVersionMatches)
        {
            return;
        }

        if (string.IsNullOrEmpty(rowVersion))
        {
            throw DataverseFaultException.Create(
                ErrorCodes.ConcurrencyVersionNotProvided,
                $"The RowVersion property must be provided when the value of ConcurrencyBehavior is IfRowVersionMatches ('{table.LogicalName}' {record.Id}).");
        }

        if (!string.Equals(rowVersion, record.Version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            throw DataverseFaultException.Create(
                ErrorCodes.ConcurrencyVersionMismatch,
                $"The version of the existing record doesn't match the RowVersion property provided ('{table.LogicalName}' {record.Id}: stored {record.Version}, given {rowVersion}).");
        }
    }

    private DateTime CurrentUtc() => _time.GetUtcNow().UtcDateTime;

    private long NextVersion() => Interlocked.Increment(ref _version);
}
