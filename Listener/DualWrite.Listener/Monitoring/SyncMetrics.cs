using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using DualWrite.Core.Conflicts;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Receiving;

namespace DualWrite.Listener.Monitoring;

/// <summary>
/// The sync's instruments on the <c>DualWrite.Listener</c> meter, each tagged with the map (<c>map</c>): what was
/// received, applied, skipped as an echo, failed, held as a conflict or retried, the batch sizes, and two
/// histograms: end-to-end lag (the F&amp;O change's time until the event is done) and apply latency. Read by
/// <c>/metrics</c> (OpenTelemetry's Prometheus exporter), <see cref="MonitorAggregator"/> and dotnet-counters.
/// Call sites stay one line each, so the code that applies events keeps its shape.
/// </summary>
public sealed class SyncMetrics
{
    public const string MeterName = ReceivingMetrics.MeterName;

    public const string MapTag = "map";

    public const string ReceivedName = "dualwrite.listener.events.received";
    public const string AppliedName = "dualwrite.listener.events.applied";
    public const string EchoSkippedName = "dualwrite.listener.events.echo_skipped";
    public const string FailedName = "dualwrite.listener.events.failed";
    public const string ConflictsName = "dualwrite.listener.conflicts";
    public const string RetriesName = "dualwrite.listener.retries";
    public const string BatchSizeName = "dualwrite.listener.batch.size";
    public const string LagName = "dualwrite.listener.lag";
    public const string ApplyDurationName = "dualwrite.listener.apply.duration";

    private readonly MapCatalog? catalog;
    private readonly Counter<long> received;
    private readonly Counter<long> applied;
    private readonly Counter<long> echoSkipped;
    private readonly Counter<long> failed;
    private readonly Counter<long> conflicts;
    private readonly Counter<long> retries;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> lag;
    private readonly Histogram<double> applyDuration;

    /// <param name="catalog">Names the map of an F&amp;O entity set; without it (or for an unmapped set) the set's name stands in.</param>
    public SyncMetrics(IMeterFactory meterFactory, MapCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.catalog = catalog;
        Meter = meterFactory.Create(MeterName);
        received = Meter.CreateCounter<long>(ReceivedName, "{event}", "F&O change events stored in the inbox (redeliveries not counted).");
        applied = Meter.CreateCounter<long>(AppliedName, "{event}", "Events whose change was written to Dataverse.");
        echoSkipped = Meter.CreateCounter<long>(EchoSkippedName, "{event}", "Events skipped because Dataverse already held their values (the echo of a write-through).");
        failed = Meter.CreateCounter<long>(FailedName, "{event}", "Events that went to the error queue.");
        conflicts = Meter.CreateCounter<long>(ConflictsName, "{conflict}", "Records changed on both sides since the last sync (settled by policy or held for a person).");
        retries = Meter.CreateCounter<long>(RetriesName, "{attempt}", "Applies that will be tried again (a transient failure).");
        batchSize = Meter.CreateHistogram<int>(BatchSizeName, "{event}", "Events applied together in one batch.");
        lag = Meter.CreateHistogram<double>(LagName, "s", "End-to-end lag: from the F&O change's event time until the listener finished the event.");
        applyDuration = Meter.CreateHistogram<double>(ApplyDurationName, "s", "How long the apply that wrote an event took (a batch's duration for each of its events).");
    }

    /// <summary>The meter the instruments live on (scoped to the host's meter factory).</summary>
    public Meter Meter { get; }

    /// <summary>The map name for an F&amp;O entity set (the set itself when no map covers it).</summary>
    public string MapOf(string finOpsEntitySet) => catalog?.ForFinOpsEntitySet(finOpsEntitySet)?.Name ?? finOpsEntitySet;

    /// <summary>A new event was stored (a redelivery only counts, and is not a new event).</summary>
    public void Received(string finOpsEntitySet, bool duplicate)
    {
        if (!duplicate)
        {
            received.Add(1, Map(MapOf(finOpsEntitySet)));
        }
    }

    public void Applied(string map, TimeSpan applyDuration, TimeSpan lag)
    {
        var tag = Map(map);
        applied.Add(1, tag);
        this.applyDuration.Record(applyDuration.TotalSeconds, tag);
        Lag(map, lag);
    }

    /// <summary>
    /// What the conflict policy decided for one record: a conflict when both sides changed a field since the last
    /// sync (whatever settles it), an echo when Dataverse already holds every value and nothing conflicted.
    /// </summary>
    public void Resolved(string map, ConflictResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (resolution.HasConflicts || resolution.Outcome == ConflictOutcome.ManualReview)
        {
            Conflict(map);
        }
        else if (resolution.Outcome == ConflictOutcome.NothingToWrite)
        {
            EchoSkipped(map);
        }
    }

    public void EchoSkipped(string map) => echoSkipped.Add(1, Map(map));

    public void Failed(string map) => failed.Add(1, Map(map));

    public void Conflict(string map) => conflicts.Add(1, Map(map));

    public void Retry(string map) => retries.Add(1, Map(map));

    public void Batch(string map, int size) => batchSize.Record(size, Map(map));

    /// <summary>An event is done (applied or skipped): how long after its F&amp;O change.</summary>
    public void Lag(string map, TimeSpan lag) => this.lag.Record(Math.Max(0, lag.TotalSeconds), Map(map));

    private static KeyValuePair<string, object?> Map(string map) => new(MapTag, map);
}
