using System;
using DualWrite.Plugins.FinOps;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>The outcome of planning one save: skip (why), fail (the user's message) or send (the request and what it is about).</summary>
public sealed class WriteThroughPlan
{
    private WriteThroughPlan(WriteThroughPlanKind kind, string? reason, FinOpsRequest? request, string? recordText, string? entitySet, string? recordPath = null)
    {
        RecordPath = recordPath;
        Kind = kind;
        Reason = reason;
        Request = request;
        RecordText = recordText;
        EntitySet = entitySet;
    }

    public WriteThroughPlanKind Kind { get; }

    /// <summary>Why the save is skipped, or the message a failing save shows.</summary>
    public string? Reason { get; }

    public FinOpsRequest? Request { get; }

    /// <summary>The record as users name it: <c>account US-001 (usmf)</c>.</summary>
    public string? RecordText { get; }

    /// <summary>The F&amp;O entity set written to.</summary>
    public string? EntitySet { get; }

    /// <summary>The F&amp;O record's OData path (<c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>): what the ledger row names.</summary>
    public string? RecordPath { get; }

    public static WriteThroughPlan Skip(string reason) => new(WriteThroughPlanKind.Skip, reason, null, null, null);

    public static WriteThroughPlan Fail(string message) => new(WriteThroughPlanKind.Fail, message, null, null, null);

    public static WriteThroughPlan Send(FinOpsRequest request, string recordText, string entitySet, string recordPath) =>
        new(WriteThroughPlanKind.Send, null, request ?? throw new ArgumentNullException(nameof(request)), recordText, entitySet, recordPath ?? throw new ArgumentNullException(nameof(recordPath)));

    public override string ToString() => Kind + ": " + (Request?.ToString() ?? Reason);
}
