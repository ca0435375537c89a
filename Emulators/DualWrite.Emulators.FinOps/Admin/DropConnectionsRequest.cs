namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/faults/drop-connections</c>: abort the next <c>count</c> /data requests without an answer.</summary>
public sealed record DropConnectionsRequest(int Count = 1);
