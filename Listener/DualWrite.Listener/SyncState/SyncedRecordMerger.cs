using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Records;
using DualWrite.Listener.Applying;

namespace DualWrite.Listener.SyncState;

/// <summary>
/// Saves what a bulk write has just made the target hold as the records' last synced values, merged into what the
/// store held (columns the write did not carry keep their base), in one read and one transaction. Echo suppression and
/// the conflict rules compare against these values, so every write path that changes a record must save them.
/// </summary>
public static class SyncedRecordMerger
{
    public static async Task SaveAsync(ISyncStateStore store, IReadOnlyList<(string RecordKey, IReadOnlyDictionary<string, RecordValue> Values)> written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(written);
        if (written.Count == 0)
        {
            return;
        }

        var stored = (await store.GetSyncedRecordsAsync(written.Select(w => w.RecordKey).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.RecordKey, StringComparer.Ordinal);
        var saves = new Dictionary<string, SyncedRecordWrite>(StringComparer.Ordinal);
        foreach (var (key, values1) in written)
        {
            var values = SyncedValues.Read(stored.TryGetValue(key, out var old) ? old.FieldsJson : null);
            foreach (var (column, value) in values1)
            {
                values[column] = value;
            }

            saves[key] = new SyncedRecordWrite(key, SyncedValues.Write(values));
        }

        await store.SaveSyncedRecordsAsync(saves.Values.ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the store says the record was synced and not removed since (a removal leaves an empty base).</summary>
    public static bool WasSynced(SyncedRecord? record) => record is not null && SyncedValues.Read(record.FieldsJson).Count > 0;
}
