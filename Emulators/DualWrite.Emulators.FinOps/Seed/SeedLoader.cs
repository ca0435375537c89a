using System;
using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.Seed;

/// <summary>Streams a generated data set into the store, set by set, references first.</summary>
public static class SeedLoader
{
    public static FinOpsSeedReport Load(FinOpsStore store, SeedOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var generator = new SeedDataGenerator(options, store.Schema, store.NextComputedKey);
        foreach (var (set, rows) in generator.All())
        {
            counts[set.Name] = store.Load(set, rows);
        }

        return new FinOpsSeedReport(counts, time.GetElapsedTime(started));
    }
}
