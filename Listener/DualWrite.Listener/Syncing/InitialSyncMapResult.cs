using System.Collections.Generic;

namespace DualWrite.Listener.Syncing;

/// <summary>One map's share of an initial sync; <see cref="Failures"/> keeps the first reasons (map, field, key, value).</summary>
public sealed record InitialSyncMapResult(string Map, int Wave, int Read, int Applied, int Skipped, int Failed, IReadOnlyList<string> Failures);
