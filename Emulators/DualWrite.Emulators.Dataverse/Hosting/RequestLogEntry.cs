using System;

namespace DualWrite.Emulators.Dataverse.Hosting;

/// <summary>One request the emulator answered.</summary>
public sealed record RequestLogEntry(DateTimeOffset Received, string Method, string PathAndQuery, int StatusCode, TimeSpan Duration);
