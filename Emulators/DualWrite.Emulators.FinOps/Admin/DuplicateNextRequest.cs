namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/events/duplicate-next</c>: deliver each of the next <c>count</c> events twice.</summary>
public sealed record DuplicateNextRequest(int Count = 1);
