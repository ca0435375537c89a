using System;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Conflicts;

/// <summary>The verdict on one field: who changed it, what happens to the Dataverse column, and why.</summary>
public sealed class FieldDecision
{
    public FieldDecision(FieldVersions versions, FieldChange change, FieldAction action, RecordValue? value, ConflictPolicy? policyApplied, string reason)
    {
        Versions = versions ?? throw new ArgumentNullException(nameof(versions));
        Change = change;
        Action = action;
        Value = value;
        PolicyApplied = policyApplied;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    public FieldVersions Versions { get; }

    public FieldMap Field => Versions.Field;

    public FieldChange Change { get; }

    public FieldAction Action { get; }

    /// <summary>
    /// The value the Dataverse column holds once the decision is carried out (the new merge base);
    /// null when unknown (a field neither side sends).
    /// </summary>
    public RecordValue? Value { get; }

    /// <summary>The policy that settled a change on both sides; null when no policy was needed.</summary>
    public ConflictPolicy? PolicyApplied { get; }

    /// <summary>A short explanation for logs: "changed in F&amp;O only", "F&amp;O wins (policy FinOpsWins)".</summary>
    public string Reason { get; }

    /// <summary>
    /// True when Dataverse keeps a value F&amp;O does not hold: the plug-in carries it to F&amp;O (it already
    /// did on save, or does on the next save); the listener never writes F&amp;O.
    /// </summary>
    public bool FinOpsDiffers => Action == FieldAction.KeepDataverse && Versions.FinOps is not null && !FieldValueComparer.AreEqual(Versions.FinOps, Value);

    public override string ToString() => Field.DisplayName + ": " + Action + " (" + Reason + ")";
}
