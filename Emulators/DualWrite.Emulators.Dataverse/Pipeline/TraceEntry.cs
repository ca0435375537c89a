using System;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>One line a plug-in wrote through ITracingService, with the step that wrote it.</summary>
public sealed record TraceEntry(
    string StepName,
    string MessageName,
    string PrimaryEntityName,
    int Stage,
    int Depth,
    Guid CorrelationId,
    string Text);
