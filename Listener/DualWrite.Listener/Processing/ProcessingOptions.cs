using System;

namespace DualWrite.Listener.Processing;

/// <summary>How the worker applies inbox events. Section <c>DualWrite:Processing</c>.</summary>
public sealed class ProcessingOptions
{
    public const string SectionName = "DualWrite:Processing";

    /// <summary>How many records are applied at once (each record's events stay sequential). Default 8.</summary>
    public int MaxDegreeOfParallelism { get; set; } = 8;

    /// <summary>
    /// The most events of one map applied together in one batch (bulk reads, one bulk write) when several are ready at
    /// once, so a burst drains at bulk speed; each record still has one event in flight, so its order holds. 1 applies
    /// one event at a time, as before batching existed. Default 500.
    /// </summary>
    public int ApplyBatchSize { get; set; } = 500;

    /// <summary>
    /// How many ready events of one map make a batch; fewer are applied one at a time (a trickle gains nothing from a
    /// batch and keeps the single path's latency). Default 4.
    /// </summary>
    public int MinimumBatchSize { get; set; } = 4;

    /// <summary>
    /// While batches are running, how long newly received events gather before the worker claims them: a burst is then
    /// claimed in fewer, larger batches (each claim, write and completion is a commit the receiver waits behind). An idle
    /// worker claims at once, so a trickle keeps its latency. Zero claims whenever a slot is free. Default 25 ms.
    /// </summary>
    public TimeSpan BatchGatherTime { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How often, at most, the worker logs a summary of what it applied (Information). Default 5 seconds.</summary>
    public TimeSpan ProgressLogInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed record stays leased; another instance takes it over after that. Default 1 minute.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the worker renews the leases of the events it holds (queued or being applied), so an apply slower than
    /// <see cref="LeaseDuration"/> keeps its record while this instance lives. Default (null): a third of the lease.
    /// </summary>
    public TimeSpan? LeaseRenewalInterval { get; set; }

    /// <summary>
    /// How long one apply may run before it is cancelled and retried. Leases are renewed meanwhile, so it may exceed
    /// <see cref="LeaseDuration"/>. Default 30 seconds.
    /// </summary>
    public TimeSpan ApplyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry delay; doubles per attempt, jittered. Default 1 second.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay. Default 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts after which an event that keeps asking to retry goes to the error queue (0: never). Default 25
    /// (with the default delays, about an hour and a half of retries).
    /// </summary>
    public int MaxAttempts { get; set; } = 25;

    /// <summary>When a parked event is retried if the record it waits for has not arrived. Default 10 minutes.</summary>
    public TimeSpan ParkedRecheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest the worker sleeps without a signal: bounds how late it sees events stored by another
    /// instance sharing the inbox. Default 5 seconds.
    /// </summary>
    public TimeSpan IdleRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause after the inbox itself fails (database down) before trying again. Default 2 seconds.</summary>
    public TimeSpan StoreFailureDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long Applied and Skipped events stay in the inbox (for duplicate detection and inspection) before
    /// the worker deletes them; it checks hourly. Default 7 days.
    /// </summary>
    public TimeSpan CompletedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Names this instance's leases. Default: machine name, process id and a random suffix.</summary>
    public string? InstanceName { get; set; }
}
