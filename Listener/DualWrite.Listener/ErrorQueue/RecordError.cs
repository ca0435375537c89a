using System;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// A record a bulk run (initial sync, reconcile fix) could not write: the run, the map and direction, the source key,
/// the field when the reason names one, the target's reason and HTTP status (0: refused before any request).
/// </summary>
public sealed record RecordError(string RunId, string Map, string Direction, string RecordKey, string? Field, string Reason, int StatusCode, DateTimeOffset At);
