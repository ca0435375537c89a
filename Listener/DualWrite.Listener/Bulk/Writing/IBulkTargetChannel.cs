using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// Sends one batch of a map's items to one target, as that target writes in bulk. Items of one call are alike
/// (all with a target path, or all to create): the writer groups them.
/// </summary>
public interface IBulkTargetChannel
{
    /// <summary>The most items one call should carry.</summary>
    int BatchSize { get; }

    Task<BatchAnswer> SendAsync(TableMap map, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken);
}
