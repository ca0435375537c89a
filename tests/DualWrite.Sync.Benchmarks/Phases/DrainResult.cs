namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// A burst applied by the listener: events applied, skipped and failed; events/s from the first event received to
/// the last applied; lag (received → applied) percentiles in milliseconds; how fast the events came in.
/// </summary>
public sealed record DrainResult(long Applied, long Skipped, long Failed, double EventsPerSecond, double LagP50, double LagP99, double ArrivalPerSecond, bool Complete);
