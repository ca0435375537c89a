using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.SyncState;

/// <summary>Synced records over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public abstract class RelationalSyncStateStore : ISyncStateStore
{
    private const int KeysPerQuery = 500;

    private readonly StateDatabase database;

    protected RelationalSyncStateStore(StateDatabase database)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public async Task<SyncedRecord?> GetSyncedRecordAsync(string recordKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT fields_json, version, updated_at FROM synced_records WHERE record_key = @key");
        Add(command, "key", recordKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SyncedRecord(recordKey, reader.GetString(0), reader.GetInt64(1), FromMs(reader.GetInt64(2)))
            : null;
    }

    public async Task<IReadOnlyList<SyncedRecord>> GetSyncedRecordsAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        var found = new List<SyncedRecord>();
        if (recordKeys.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Chunks keep the parameter count under SQLite's limit (32,766) with room to spare.
        foreach (var chunk in recordKeys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            var names = string.Join(", ", chunk.Select((_, i) => "@k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await using var command = Command(connection, null, "SELECT record_key, fields_json, version, updated_at FROM synced_records WHERE record_key IN (" + names + ")");
            for (var i = 0; i < chunk.Length; i++)
            {
                Add(command, "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(new SyncedRecord(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), FromMs(reader.GetInt64(3))));
            }
        }

        return found;
    }

    public async Task SaveSyncedRecordsAsync(IReadOnlyList<SyncedRecordWrite> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            transaction,
            "INSERT INTO synced_records (record_key, fields_json, version, updated_at) VALUES (@key, @fields, 1, @now) " +
            "ON CONFLICT (record_key) DO UPDATE SET fields_json = excluded.fields_json, version = synced_records.version + 1, updated_at = excluded.updated_at");
        Add(command, "now", database.Now());
        Add(command, "key", string.Empty);
        Add(command, "fields", string.Empty);
        foreach (var record in records)
        {
            command.Parameters["@key"].Value = record.RecordKey;
            command.Parameters["@fields"].Value = record.FieldsJson;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SaveSyncedRecordAsync(string recordKey, string fieldsJson, long expectedVersion, CancellationToken cancellationToken)
    {
        var sql = expectedVersion == 0
            ? "INSERT INTO synced_records (record_key, fields_json, version, updated_at) VALUES (@key, @fields, 1, @now) ON CONFLICT (record_key) DO NOTHING"
            : "UPDATE synced_records SET fields_json = @fields, version = version + 1, updated_at = @now WHERE record_key = @key AND version = @version";
        return await database.ExecuteAsync(
            sql,
            command =>
            {
                Add(command, "key", recordKey);
                Add(command, "fields", fieldsJson);
                Add(command, "version", expectedVersion);
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }
}
