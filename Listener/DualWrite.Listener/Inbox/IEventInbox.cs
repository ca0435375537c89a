using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;

namespace DualWrite.Listener.Inbox;

/// <summary>
/// The inbox of F&amp;O change events, keyed by EventId and ordered per record key by ControlNumber: what the
/// receiver stores and the worker claims, leases and completes. Every method commits before it returns.
/// Times come from the database's TimeProvider, never the database clock.
/// </summary>
/// <remarks>
/// Ordering contract: only the <em>head</em> of a record (its lowest-ControlNumber event that is not
/// Applied or Skipped) can be claimed, and only while no event of that record is under a live lease, so a
/// record key is leased as a unit and its events run one at a time in ControlNumber order. A Failed or
/// Parked head holds the record's later events back; other records are not affected.
/// </remarks>
public interface IEventInbox
{
    /// <summary>
    /// Stores a received event (Pending, due now), or counts a redelivery of one already stored. An EventId
    /// already stored with other content changes nothing: the result carries the stored event instead.
    /// </summary>
    Task<ReceiveResult> ReceiveAsync(FinOpsChangeEvent changeEvent, string body, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="maxRecords"/> records whose head event is due, returning each head
    /// (state Leased, attempts incremented). Expired leases count as not leased.
    /// </summary>
    Task<IReadOnlyList<InboxEvent>> ClaimAsync(string owner, int maxRecords, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a leased event Applied or Skipped and releases its record. Wakes the events parked waiting for
    /// its record key.
    /// </summary>
    Task<LeaseResult> CompleteAsync(InboxEvent leased, string owner, InboxEventState doneState, string? note, CancellationToken cancellationToken);

    /// <summary>
    /// Completes several leased events in one transaction (a batch's outcomes), as <see cref="CompleteAsync"/> does one
    /// by one; one result per completion, in the same order.
    /// </summary>
    Task<IReadOnlyList<LeaseResult>> CompleteManyAsync(IReadOnlyList<InboxCompletion> completions, string owner, CancellationToken cancellationToken);

    /// <summary>Returns a leased event to Pending, due at <paramref name="nextAttemptAt"/>, with the reason.</summary>
    Task<LeaseResult> RetryLaterAsync(InboxEvent leased, string owner, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Parks a leased event until an event of <paramref name="waitingFor"/> is applied (or the key is woken
    /// otherwise), or until <paramref name="fallbackAttemptAt"/>, whichever comes first.
    /// </summary>
    Task<LeaseResult> ParkAsync(InboxEvent leased, string owner, string waitingFor, DateTimeOffset fallbackAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>Moves a leased event to the error queue with the full reason; the record's later events wait behind it.</summary>
    Task<LeaseResult> FailAsync(InboxEvent leased, string owner, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the leases <paramref name="owner"/> still holds on these events to <paramref name="leaseDuration"/> from now
    /// (the worker's heartbeat while an apply runs); returns the ids it still holds. An id missing from the answer was
    /// taken over or finished: its apply must not record an outcome.
    /// </summary>
    Task<IReadOnlySet<string>> RenewLeasesAsync(IReadOnlyCollection<string> eventIds, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Returns one leased event to Pending, due now, without counting the attempt (shutdown, cancellation).</summary>
    Task<bool> ReleaseAsync(InboxEvent leased, string owner, CancellationToken cancellationToken);

    /// <summary>Returns every event <paramref name="owner"/> holds to Pending, due now, without counting the attempt.</summary>
    Task<int> ReleaseAllAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Wakes the events parked waiting for <paramref name="waitingFor"/>: Pending, due now.</summary>
    Task<int> WakeParkedAsync(string waitingFor, CancellationToken cancellationToken);

    /// <summary>
    /// When the next claim can find work that is not running now: the earliest attempt time among claimable
    /// record heads, or the earliest expiry of another owner's lease. Null when there is nothing to wait for.
    /// </summary>
    Task<DateTimeOffset?> GetNextDueTimeAsync(string owner, CancellationToken cancellationToken);

    Task<InboxEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>All events of one record, in ControlNumber order.</summary>
    Task<IReadOnlyList<InboxEvent>> GetRecordEventsAsync(string recordKey, CancellationToken cancellationToken);

    /// <summary>How many events are in each state (every state present, zero included).</summary>
    Task<IReadOnlyDictionary<InboxEventState, int>> GetStateCountsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes Applied and Skipped events completed before <paramref name="completedBefore"/> (retention).</summary>
    Task<int> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);
}
