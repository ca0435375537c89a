namespace DualWrite.Listener.ErrorQueue;

/// <summary>The body of <c>POST /api/errors/retry</c>: one map's open errors, or all of them.</summary>
public sealed record ErrorRetryRequest(string? Map, bool All);
