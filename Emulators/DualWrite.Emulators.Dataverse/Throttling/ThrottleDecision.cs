using System;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>Why a request was refused and when to come back; null code means admitted.</summary>
public sealed record ThrottleDecision(string? Code, string? Message, TimeSpan RetryAfter)
{
    public static readonly ThrottleDecision Admitted = new(null, null, TimeSpan.Zero);

    public bool IsAdmitted => Code is null;
}
