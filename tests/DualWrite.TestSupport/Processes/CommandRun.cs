using System;
using System.Text.Json.Nodes;

namespace DualWrite.TestSupport.Processes;

/// <summary>One <c>dualwrite</c> command run to its end: exit code, wall time, peak resident memory, processor time and its <c>--json</c> answer.</summary>
public sealed record CommandRun(int ExitCode, TimeSpan Elapsed, long PeakWorkingSetBytes, JsonNode? Json, string Tail, TimeSpan ProcessorTime = default)
{
    public double PeakMegabytes => PeakWorkingSetBytes / (1024.0 * 1024.0);
}
