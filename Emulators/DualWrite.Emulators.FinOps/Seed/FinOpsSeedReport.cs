using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.Seed;

/// <summary>How many rows of each entity set were loaded, and how long it took.</summary>
public sealed record FinOpsSeedReport(IReadOnlyDictionary<string, int> RowsPerEntitySet, TimeSpan Elapsed);
