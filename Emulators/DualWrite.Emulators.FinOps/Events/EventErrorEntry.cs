using System;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>An event that could not be delivered after its retries (F&amp;O's business event error log).</summary>
public sealed record EventErrorEntry(
    Guid Id,
    string EndpointName,
    string EventId,
    long ControlNumber,
    string EventJson,
    int Attempts,
    string LastError,
    DateTimeOffset FailedAt);
