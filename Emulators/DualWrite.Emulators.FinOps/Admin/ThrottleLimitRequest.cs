namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/throttling/limit</c>: at most <c>limit</c> /data requests per window (0 turns it off).</summary>
public sealed record ThrottleLimitRequest(int Limit, int WindowSeconds = 60);
