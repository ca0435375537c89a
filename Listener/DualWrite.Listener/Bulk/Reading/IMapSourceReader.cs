using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>
/// Streams one side of a map page by page, ordered by that side's key fields and starting after a cursor, so
/// memory stays flat whatever the row count and a run can resume from the last committed key.
/// </summary>
public interface IMapSourceReader
{
    IAsyncEnumerable<SourcePage> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken);

    /// <summary>How many rows the read covers, for progress; null when the service will not say (the default).</summary>
    Task<long?> CountAsync(SourceReadRequest request, CancellationToken cancellationToken) => Task.FromResult<long?>(null);
}
