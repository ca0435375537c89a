using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// Writes mapped records of one map to the target side in batches, idempotent by key: Dataverse through
/// <c>UpsertMultiple</c> by alternate key (tagged DualWrite, so our plug-in does not send it back), F&amp;O through
/// <c>$batch</c>. A refused batch is split and retried until every good item is written and every bad one has its
/// own error; concurrency across calls adapts to the target and never passes the configured ceiling.
/// </summary>
public interface IBulkWriter
{
    Task<BulkWriteResult> WriteAsync(TableMap map, SyncDirection direction, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken);
}
