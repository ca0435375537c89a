using System;

namespace DualWrite.Listener.MapStates;

public sealed record PausedMap(string MapName, string? Reason, DateTimeOffset PausedAt);
