namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>
/// <c>POST /_emulator/throttling/storm</c> and <c>POST /_emulator/faults/outage</c>: how long the disruption lasts
/// (0 ends it) and, for a storm, the Retry-After it sends.
/// </summary>
public sealed record DisruptionRequest(double Seconds = 5, double RetryAfterSeconds = 1);
