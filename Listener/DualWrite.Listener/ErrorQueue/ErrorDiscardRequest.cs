namespace DualWrite.Listener.ErrorQueue;

/// <summary>The optional body of <c>POST /api/errors/{id}/discard</c>.</summary>
public sealed record ErrorDiscardRequest(string? Reason);
