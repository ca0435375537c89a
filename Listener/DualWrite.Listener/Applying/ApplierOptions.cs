using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Applying;

/// <summary>How F&amp;O changes are applied to Dataverse (section <c>DualWrite:Applying</c>).</summary>
public sealed class ApplierOptions
{
    public const string SectionName = "DualWrite:Applying";

    /// <summary>
    /// Maps (by name) whose F&amp;O deletes deactivate the Dataverse record (<c>statecode = 1</c>) instead of
    /// deleting it: for tables other records still point at (orders keep their account). Default: none.
    /// </summary>
    public IList<string> DeactivateOnDelete { get; } = new List<string>();

    /// <summary>How long a Dataverse id found by alternate key (companies, groups, parents) is reused. Default 5 minutes.</summary>
    public TimeSpan LookupCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A record whose referenced record is missing waits for that record's event, and is retried after
    /// this long anyway (the parent may never change in F&amp;O). Default 30 seconds.
    /// </summary>
    public TimeSpan MissingReferenceRecheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The Entra object ids F&amp;O names as <c>InitiatingUserAADObjectId</c> on changes made by our plug-in (its app
    /// registration's service principal). Their events are write-throughs: applied only once the save's ledger row
    /// has committed in Dataverse, reverted in F&amp;O when it never does. Default: none (every event is an F&amp;O edit).
    /// </summary>
    public IList<Guid> WriteThroughUsers { get; } = new List<Guid>();

    /// <summary>
    /// How long after a write-through's F&amp;O change its Dataverse transaction may still commit. Dataverse ends a
    /// synchronous save within 2 minutes (the platform's limit for a message and its plug-ins), so a ledger row
    /// still missing after this is a rolled-back save and its F&amp;O change is reverted. Default 2 minutes.
    /// </summary>
    public TimeSpan WriteThroughSettle { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Every problem at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LookupCacheDuration < TimeSpan.Zero)
        {
            problems.Add(SectionName + ":LookupCacheDuration cannot be negative.");
        }

        if (MissingReferenceRecheck <= TimeSpan.Zero)
        {
            problems.Add(SectionName + ":MissingReferenceRecheck must be positive.");
        }

        if (WriteThroughSettle <= TimeSpan.Zero)
        {
            problems.Add(SectionName + ":WriteThroughSettle must be positive.");
        }

        return problems;
    }
}
