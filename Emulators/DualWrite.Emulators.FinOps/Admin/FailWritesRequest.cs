namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/faults/fail-writes</c>: fail the next <c>count</c> writes with <c>status</c>.</summary>
public sealed record FailWritesRequest(int Count = 1, int Status = 500, string? Message = null);
