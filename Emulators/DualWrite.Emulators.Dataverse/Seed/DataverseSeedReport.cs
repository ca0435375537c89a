using System;

namespace DualWrite.Emulators.Dataverse.Seed;

/// <summary>How many records the seed loaded and how long it took.</summary>
public sealed record DataverseSeedReport(int Records, TimeSpan Elapsed);
