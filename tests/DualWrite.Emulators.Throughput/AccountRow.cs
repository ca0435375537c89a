namespace DualWrite.Emulators.Throughput;

/// <summary>One account as the harness sends it: the single-record body, its key path and its bulk target.</summary>
public sealed record AccountRow(string Body, string KeyPath, string BulkTarget);
