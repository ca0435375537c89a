using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Core.Conflicts;

/// <summary>
/// The conflict rules' answer for one record: a decision per field, the conflicts found (both versions
/// and the winner), and the record-level outcome: write, nothing to write, or park for manual review.
/// </summary>
public sealed class ConflictResolution
{
    public ConflictResolution(ConflictOutcome outcome, IReadOnlyList<FieldDecision> decisions, IReadOnlyList<FieldConflict> conflicts, string? reviewReason)
    {
        Outcome = outcome;
        Decisions = decisions ?? throw new ArgumentNullException(nameof(decisions));
        Conflicts = conflicts ?? throw new ArgumentNullException(nameof(conflicts));
        ReviewReason = reviewReason;
    }

    public ConflictOutcome Outcome { get; }

    /// <summary>One decision per field of the request, in its order.</summary>
    public IReadOnlyList<FieldDecision> Decisions { get; }

    /// <summary>Fields changed on both sides to different values, with how each was settled.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; }

    /// <summary>For <see cref="ConflictOutcome.ManualReview"/>: why the record is parked (fields and values).</summary>
    public string? ReviewReason { get; }

    /// <summary>Fields whose F&amp;O value is written to Dataverse (empty unless <see cref="ConflictOutcome.Write"/>).</summary>
    public IReadOnlyList<FieldDecision> ToWrite => Outcome == ConflictOutcome.Write
        ? Decisions.Where(d => d.Action == FieldAction.WriteToDataverse).ToList()
        : Array.Empty<FieldDecision>();

    /// <summary>Fields where Dataverse keeps its value (it changed there only, or won a conflict).</summary>
    public IReadOnlyList<FieldDecision> KeptInDataverse => Decisions.Where(d => d.Action == FieldAction.KeepDataverse).ToList();

    /// <summary>
    /// Kept Dataverse values F&amp;O does not hold yet. The listener writes only Dataverse; the plug-in
    /// carries these to F&amp;O, so they are reported, not written.
    /// </summary>
    public IReadOnlyList<FieldDecision> PendingForFinOps => Decisions.Where(d => d.FinOpsDiffers).ToList();

    public bool HasConflicts => Conflicts.Count > 0;
}
