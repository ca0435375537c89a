using System;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// One failed record as an operator sees it: the map and direction, the record key, the other system's full reason,
/// how many attempts failed, the first and last failure, and where the entry stands.
/// </summary>
/// <param name="EventId">The inbox event that carries the record (a live failure, or the event a retry queued); null for a bulk failure not retried yet.</param>
/// <param name="BlockedEvents">Later events of the same record waiting behind this one.</param>
public sealed record ErrorEntry(
    long Id,
    ErrorSource Source,
    string Map,
    string Direction,
    string Key,
    string Reason,
    int StatusCode,
    int Attempts,
    DateTimeOffset FirstFailureAt,
    DateTimeOffset LastFailureAt,
    ErrorEntryStatus Status,
    string? EventId,
    string? Resolution,
    DateTimeOffset? ResolvedAt,
    int BlockedEvents);
