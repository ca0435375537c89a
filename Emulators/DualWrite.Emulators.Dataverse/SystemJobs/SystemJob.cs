using System;

namespace DualWrite.Emulators.Dataverse.SystemJobs;

/// <summary>The record of one asynchronous step execution, like an asyncoperation row.</summary>
public sealed record SystemJob(
    Guid Id,
    string StepName,
    string MessageName,
    string PrimaryEntityName,
    Guid PrimaryEntityId,
    Guid CorrelationId,
    SystemJobStatus Status,
    string? Message,
    DateTimeOffset CompletedOn);
