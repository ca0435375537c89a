using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.SyncState;

/// <summary>Synced records over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public abstract class RelationalSyncStateStore : ISyncStateStore
{
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
