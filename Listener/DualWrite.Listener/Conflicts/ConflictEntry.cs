using System;

namespace DualWrite.Listener.Conflicts;

/// <summary>A queued conflict. <see cref="Resolution"/> and <see cref="ResolvedAt"/> are set once resolved.</summary>
public sealed record ConflictEntry(
    long Id,
    NewConflict Conflict,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? Resolution);
