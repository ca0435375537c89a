namespace DualWrite.Emulators.Common.Latency;

/// <summary><c>POST /_emulator/latency</c>: the latency profile in milliseconds (both 0 turn it off).</summary>
public sealed record LatencyProfileRequest(double PerRequestMilliseconds, double PerRecordMilliseconds);
