namespace DualWrite.Emulators.FinOps.Admin;

/// <summary>
/// <c>POST /_emulator/faults/stall-writes</c>: hold the next <c>count</c> writes for <c>seconds</c>, then drop them
/// unanswered, or with <c>thenProcess</c> run them and answer late.
/// </summary>
public sealed record StallWritesRequest(int Count = 1, double Seconds = 20, bool ThenProcess = false);
