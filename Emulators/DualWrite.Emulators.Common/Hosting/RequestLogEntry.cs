using System;

namespace DualWrite.Emulators.Common.Hosting;

/// <summary>
/// One request as the emulator saw it: when it arrived, the raw request target (path and query as sent), the status
/// (0 when the caller went away) and the authenticated client id, if any.
/// </summary>
public sealed record RequestLogEntry(DateTimeOffset At, string Method, string Target, int StatusCode, TimeSpan Duration, string? Client);
