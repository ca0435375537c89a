namespace DualWrite.Emulators.FinOps.Admin;

/// <summary>
/// <c>POST /_emulator/throttling/limit</c>: at most <c>limit</c> /data requests per window and at most
/// <c>concurrent</c> at once (0 turns a limit off).
/// </summary>
public sealed record ThrottleLimitRequest(int Limit, int WindowSeconds = 60, int Concurrent = 0);
