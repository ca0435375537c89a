using System.Collections.Generic;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>Mapped records on their way to the writer, and the page (of the watermark) they belong to.</summary>
internal sealed record PendingBatch(long Page, IReadOnlyList<MappedRecord> Records);
