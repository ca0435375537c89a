namespace DualWrite.Emulators.FinOps.BulkChanges;

/// <summary>What a bulk change did: rows changed (fewer than asked when the set has fewer) and events published.</summary>
public sealed record BulkChangeResult(int Changed, int EventsPublished, double ElapsedMilliseconds);
