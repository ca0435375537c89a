using System;
using System.Collections.Generic;
using DualWrite.Core.Events;

namespace DualWrite.Listener.Inbox;

/// <summary>One F&amp;O change event as the inbox holds it: the event's fields plus its processing state.</summary>
public sealed record InboxEvent
{
    /// <summary>The event's <c>EventId</c>; the same on every redelivery, so it keys the row.</summary>
    public required string EventId { get; init; }

    /// <summary>The ordering key: <c>ContextRecordSubject</c>, <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    public required string RecordKey { get; init; }

    public required string EntitySet { get; init; }

    /// <summary>The key predicate, <c>(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    public required string EntityKey { get; init; }

    public required string LegalEntity { get; init; }

    public required ChangeOperation Operation { get; init; }

    public required long ControlNumber { get; init; }

    public required DateTimeOffset EventTime { get; init; }

    /// <summary>The body exactly as received.</summary>
    public required string Body { get; init; }

    public required int ReceiveCount { get; init; }

    public required InboxEventState State { get; init; }

    /// <summary>How many times a worker has claimed the event (the current claim included).</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>For a parked event: the record key whose arrival wakes it.</summary>
    public string? WaitingFor { get; init; }

    public string? LastError { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    public required DateTimeOffset FirstReceivedAt { get; init; }

    public required DateTimeOffset LastReceivedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Parses <see cref="Body"/> back into the event (it parsed when it was received).</summary>
    public FinOpsChangeEvent ToChangeEvent()
    {
        if (FinOpsChangeEventJson.TryParse(Body, out var changeEvent, out var errors))
        {
            return changeEvent!;
        }

        throw new InvalidOperationException("Inbox event " + EventId + " no longer parses: " + string.Join(" ", (IEnumerable<string>)errors));
    }
}
