using System;
using System.Collections.Generic;

namespace DualWrite.Listener.MapStates.Mirror;

/// <summary>How the listener sends the saves a paused map's plug-in steps queued (section <c>DualWrite:QueuedChanges</c>).</summary>
public sealed class QueuedChangeOptions
{
    public const string SectionName = "DualWrite:QueuedChanges";

    /// <summary>
    /// Whether this instance sends queued changes (default true). Sends are not coordinated between instances, so with
    /// several listeners on one inbox let exactly one send: two could repeat a change after a later one of the same record.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often Dataverse is asked whether any map has queued changes, besides being woken when a map resumes
    /// (one small query per interval). Default 10 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before sending again after F&amp;O failed or could not be reached. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Queued changes read per query. Default 100.</summary>
    public int PageSize { get; set; } = 100;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add(SectionName + ":PollInterval must be positive.");
        }

        if (RetryDelay <= TimeSpan.Zero)
        {
            problems.Add(SectionName + ":RetryDelay must be positive.");
        }

        if (PageSize is < 1 or > 5000)
        {
            problems.Add(SectionName + ":PageSize must be between 1 and 5000, not " + PageSize + ".");
        }

        return problems;
    }
}
