using System;
using System.Text.Json.Nodes;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// One initial-sync run: rows written and failed (from its --json answer), the process's wall time (end to end:
/// start, sign-in, read, write) and peak resident memory, and the command's own rows/s when it reports one.
/// </summary>
public sealed record LoadResult(int ExitCode, long Written, long Failed, TimeSpan Elapsed, double PeakMegabytes, double? CommandRowsPerSecond, JsonNode? Json, string Tail)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Written / Elapsed.TotalSeconds : 0;
}
