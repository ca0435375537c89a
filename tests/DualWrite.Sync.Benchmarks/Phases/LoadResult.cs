using System;
using System.Text.Json.Nodes;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// One initial-sync run: rows written and failed (from its --json answer), the process's wall time (end to end:
/// start, sign-in, read, write) peak resident memory and processor time, and the command's own rows/s when it reports one.
/// </summary>
public sealed record LoadResult(int ExitCode, long Written, long Failed, TimeSpan Elapsed, double PeakMegabytes, double? CommandRowsPerSecond, JsonNode? Json, string Tail, TimeSpan ProcessorTime = default)
{
    /// <summary>The sync process's own processor time per 1,000 rows written, in ms: its cost, apart from the emulators'.</summary>
    public double ProcessorMillisecondsPerThousandRows => Written > 0 ? ProcessorTime.TotalMilliseconds * 1000 / Written : 0;

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Written / Elapsed.TotalSeconds : 0;
}
