namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/throttling/next</c>: answer the next <c>count</c> /data requests with 429.</summary>
public sealed record ThrottleNextRequest(int Count = 1, int RetryAfterSeconds = 1);
