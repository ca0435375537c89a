namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/events/reorder-next</c> with a body: swap each of the next <c>count</c> events with the one after it.</summary>
public sealed record ReorderNextRequest(int Count = 1);
