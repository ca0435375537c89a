namespace DualWrite.Listener.Receiving;

/// <summary>The body of a 202: the event is stored (or was already).</summary>
public sealed record ReceiveAcceptance(string EventId, int ReceiveCount, bool Duplicate);
