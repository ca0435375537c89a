using System;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>
/// Why a request was refused and when to come back; a null code means admitted, with what is left of the
/// caller's window (the service's x-ms-ratelimit-*-remaining-xrm-requests debug headers).
/// </summary>
public sealed record ThrottleDecision(string? Code, string? Message, TimeSpan RetryAfter)
{
    public static readonly ThrottleDecision Admitted = new(null, null, TimeSpan.Zero);

    /// <summary>Requests left in the window after this one; null when limits are off.</summary>
    public int? RequestsRemaining { get; init; }

    /// <summary>Execution time left in the window; null when limits are off.</summary>
    public TimeSpan? ExecutionTimeRemaining { get; init; }

    public bool IsAdmitted => Code is null;
}
