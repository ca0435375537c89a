using System;

namespace DualWrite.Listener.Inbox;

public sealed record PausedMap(string MapName, string? Reason, DateTimeOffset PausedAt);
