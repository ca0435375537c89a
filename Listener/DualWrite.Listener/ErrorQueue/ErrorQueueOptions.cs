using System;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>How long the error queue keeps settled entries. Section <c>DualWrite:ErrorQueue</c>.</summary>
public sealed class ErrorQueueOptions
{
    public const string SectionName = "DualWrite:ErrorQueue";

    /// <summary>Days a resolved or discarded entry stays visible before it is purged. Default 30. Open entries are never purged.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the queue takes in new failures, settles retried ones and purges expired ones. Default one minute.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
