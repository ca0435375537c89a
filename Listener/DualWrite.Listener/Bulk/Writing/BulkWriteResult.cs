using System.Collections.Generic;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>What one write call achieved: the items now in the target, and one error per item that is not.</summary>
public sealed record BulkWriteResult(IReadOnlyList<BulkItem> Written, IReadOnlyList<BulkItemError> Failed);
