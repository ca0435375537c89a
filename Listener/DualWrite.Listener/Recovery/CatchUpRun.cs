using System;

namespace DualWrite.Listener.Recovery;

/// <summary>
/// A catch-up holds a map's live events with the initial sync's loading mark (its events park until the mark is
/// cleared, then apply in order after the catch-up's writes); its run id says it is a catch-up, so the map reads
/// "catching up" rather than "initial sync".
/// </summary>
public static class CatchUpRun
{
    public const string Prefix = "catch-up: ";

    /// <summary>The run id of a catch-up: the prefix, then why, as the map's state reason shows it.</summary>
    public static string Id(string why) => Prefix + why;

    public static bool IsCatchUp(string? runId) => runId is not null && runId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The map state's reason while the catch-up holds the map.</summary>
    public static string Reason(string runId) => "catching up " + runId[Prefix.Length..] + "; live events wait until it is done";
}
