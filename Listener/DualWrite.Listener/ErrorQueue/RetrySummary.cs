using System.Collections.Generic;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>What a retry of several entries did: the entries sent back, and each one that could not be with why.</summary>
public sealed record RetrySummary(IReadOnlyList<long> Retried, IReadOnlyList<string> NotRetried);
