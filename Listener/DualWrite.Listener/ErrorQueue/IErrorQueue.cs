using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>The inbox events that failed for good, each holding its record's later events back until retried or discarded.</summary>
public interface IErrorQueue
{
    /// <summary>The error queue, oldest failure first.</summary>
    Task<IReadOnlyList<ErrorQueueEntry>> GetErrorQueueAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Puts a Failed event back to Pending, due now, with its attempts reset. False if it is not Failed.</summary>
    Task<bool> RetryFailedAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Marks a Failed event Skipped, keeping the failure in its last error, so the record's later events proceed.</summary>
    Task<bool> DiscardFailedAsync(string eventId, string reason, CancellationToken cancellationToken);
}
