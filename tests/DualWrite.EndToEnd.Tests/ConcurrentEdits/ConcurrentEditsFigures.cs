using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DualWrite.EndToEnd.Tests.ConcurrentEdits;

/// <summary>What a run of concurrent-edit bursts measured: the figures of the closing note.</summary>
internal sealed class ConcurrentEditsFigures
{
    public int Bursts { get; set; }

    public int RecordsPerBurst { get; set; }

    /// <summary>Listener applies cancelled by the apply timeout (and retried).</summary>
    public int ApplyTimeouts { get; set; }

    /// <summary>Dataverse saves the plug-in refused, with their messages.</summary>
    public List<string> RefusedSaves { get; } = [];

    /// <summary>F&amp;O edits F&amp;O refused (none expected: nothing holds them up).</summary>
    public List<string> RefusedFinOpsEdits { get; } = [];

    /// <summary>From a burst's start until both sides held every edit, per burst.</summary>
    public List<TimeSpan> Convergence { get; } = [];

    /// <summary>Slowest single Dataverse save (its plug-in's call to F&amp;O included), per burst.</summary>
    public List<TimeSpan> SlowestSave { get; } = [];

    public bool AllConverged { get; set; } = true;

    public TimeSpan MaxConvergence => Convergence.Count == 0 ? TimeSpan.Zero : Convergence.Max();

    public override string ToString()
    {
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        var lines = new List<string>
        {
            $"bursts: {Bursts} x {RecordsPerBurst} records edited on both sides at once",
            $"listener apply timeouts: {ApplyTimeouts}",
            $"refused Dataverse saves: {RefusedSaves.Count}",
            $"refused F&O edits: {RefusedFinOpsEdits.Count}",
            $"convergence per burst: {string.Join(", ", Convergence.Select(Seconds))} (max {Seconds(MaxConvergence)})" + (AllConverged ? string.Empty : " - NOT CONVERGED"),
            $"slowest Dataverse save per burst: {string.Join(", ", SlowestSave.Select(Seconds))}",
        };
        lines.AddRange(RefusedSaves.Take(5).Select(r => "  refused: " + r));
        lines.AddRange(RefusedFinOpsEdits.Take(5).Select(r => "  F&O refused: " + r));
        return string.Join(Environment.NewLine, lines);
    }
}
