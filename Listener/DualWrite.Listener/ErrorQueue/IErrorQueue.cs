using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// The inbox events that failed for good, each holding its record's later events back until retried or discarded;
/// and the records bulk runs could not write, every one of them (not the first few).
/// </summary>
public interface IErrorQueue
{
    /// <summary>The error queue, oldest failure first.</summary>
    Task<IReadOnlyList<ErrorQueueEntry>> GetErrorQueueAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Puts a Failed event back to Pending, due now, with its attempts reset. False if it is not Failed.</summary>
    Task<bool> RetryFailedAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Marks a Failed event Skipped, keeping the failure in its last error, so the record's later events proceed.</summary>
    Task<bool> DiscardFailedAsync(string eventId, string reason, CancellationToken cancellationToken);

    /// <summary>Adds a batch's refused records in one transaction (<see cref="RecordError.At"/> is set to now).</summary>
    Task AddRecordErrorsAsync(IReadOnlyList<RecordError> errors, CancellationToken cancellationToken);

    /// <summary>A run's record errors (all runs: null), oldest first.</summary>
    Task<IReadOnlyList<RecordError>> GetRecordErrorsAsync(string? runId, int limit, CancellationToken cancellationToken);
}
