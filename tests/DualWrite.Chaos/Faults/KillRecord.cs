namespace DualWrite.Chaos.Faults;

/// <summary>
/// One SIGKILL of the listener: how long it was meant to stay down, how long it was unreachable (kill to answering
/// again), whether that outlasted F&amp;O's delivery retries, and how many events F&amp;O gave up on meanwhile.
/// </summary>
public sealed record KillRecord(double AtSeconds, double PlannedDownSeconds, double DownSeconds, bool OutlastedRetries, int EventsGivenUp);
