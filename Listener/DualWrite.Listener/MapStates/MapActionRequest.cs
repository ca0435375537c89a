namespace DualWrite.Listener.MapStates;

/// <summary>The optional body of <c>POST /api/maps/{name}/start|pause|resume|stop</c>.</summary>
public sealed record MapActionRequest(string? Reason);
