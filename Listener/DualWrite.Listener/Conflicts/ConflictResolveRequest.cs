namespace DualWrite.Listener.Conflicts;

/// <summary>The body of <c>POST /api/conflicts/{id}/resolve</c>: <c>{ "take": "fno|dataverse|merged" }</c>.</summary>
public sealed record ConflictResolveRequest(string? Take);
