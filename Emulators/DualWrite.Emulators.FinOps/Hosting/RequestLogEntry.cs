using System;

namespace DualWrite.Emulators.FinOps.Hosting;

/// <summary>One request as the emulator saw it.</summary>
public sealed record RequestLogEntry(DateTimeOffset At, string Method, string Target, int StatusCode, TimeSpan Duration, string? Client);
