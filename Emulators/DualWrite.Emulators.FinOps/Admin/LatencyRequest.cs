namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/faults/latency</c>: delay every /data request (0 turns it off).</summary>
public sealed record LatencyRequest(int Milliseconds);
