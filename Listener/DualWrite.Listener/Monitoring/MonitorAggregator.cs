using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Applying;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Listener.Monitoring;

/// <summary>
/// Listens to this host's <see cref="SyncMetrics"/> instruments (a MeterListener in process, no exporter between)
/// and keeps, per map, the last 15 minutes in 10-second buckets: counts, apply latency and lag, for the
/// dashboard's <c>GET /api/monitor</c>. Only the meter of this host's factory is read, so two listeners in one
/// process (tests) never mix their figures.
/// </summary>
public sealed class MonitorAggregator : IHostedService, IDisposable
{
    public static readonly TimeSpan BucketLength = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The span p50/p99 are computed over (the chart shows each bucket's own).</summary>
    public static readonly TimeSpan PercentileWindow = TimeSpan.FromMinutes(5);

    private static readonly int BucketsInWindow = (int)(Window / BucketLength);

    private readonly IMeterFactory meterFactory;
    private readonly TimeProvider timeProvider;
    private readonly MapCatalog? catalog;
    private readonly ConcurrentDictionary<string, MapWindow> maps = new(StringComparer.Ordinal);
    private readonly MeterListener listener = new();
    private int started;

    public MonitorAggregator(IMeterFactory meterFactory, TimeProvider timeProvider, MapCatalog? catalog = null)
    {
        this.meterFactory = meterFactory ?? throw new ArgumentNullException(nameof(meterFactory));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.catalog = catalog;
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == SyncMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, this.meterFactory))
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
    }

    /// <summary>Starts listening (idempotent); instruments created before or after are both seen.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            listener.Start();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every map (the catalog's and any measured), with the buckets of the last <paramref name="window"/> (at most 15 minutes).</summary>
    public MonitorSnapshot Snapshot(TimeSpan? window = null)
    {
        var span = window is { } w && w > TimeSpan.Zero && w < Window ? w : Window;
        var now = timeProvider.GetUtcNow();
        var lastSlot = SlotOf(now);
        var slots = Math.Max(1, (int)Math.Ceiling(span / BucketLength));
        var firstSlot = lastSlot - slots + 1;
        var recentSlots = (int)(TimeSpan.FromMinutes(1) / BucketLength);
        var percentileSlots = (int)(PercentileWindow / BucketLength);
        var names = maps.Keys.ToList();
        if (catalog is not null)
        {
            names.AddRange(catalog.Maps.Select(m => m.Name));
        }

        var result = names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(name => WindowOf(name).Snapshot(name, firstSlot, lastSlot, BucketLength, recentSlots, percentileSlots))
            .ToList();
        return new MonitorSnapshot(now, (int)BucketLength.TotalSeconds, slots * (int)BucketLength.TotalSeconds, (int)PercentileWindow.TotalSeconds, result);
    }

    public void Dispose() => listener.Dispose();

    private void OnMeasurement(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? map = null;
        foreach (var tag in tags)
        {
            if (tag.Key == SyncMetrics.MapTag)
            {
                map = tag.Value as string;
            }
        }

        if (map is null)
        {
            return;
        }

        WindowOf(map).Update(SlotOf(timeProvider.GetUtcNow()), (bucket, totals) =>
        {
            switch (instrument)
            {
                case SyncMetrics.ReceivedName:
                    bucket.Counts.Received += (long)value;
                    totals.Received += (long)value;
                    break;
                case SyncMetrics.AppliedName:
                    bucket.Counts.Applied += (long)value;
                    totals.Applied += (long)value;
                    break;
                case SyncMetrics.EchoSkippedName:
                    bucket.Counts.EchoSkipped += (long)value;
                    totals.EchoSkipped += (long)value;
                    break;
                case SyncMetrics.FailedName:
                    bucket.Counts.Failed += (long)value;
                    totals.Failed += (long)value;
                    break;
                case SyncMetrics.ConflictsName:
                    bucket.Counts.Conflicts += (long)value;
                    totals.Conflicts += (long)value;
                    break;
                case SyncMetrics.RetriesName:
                    bucket.Counts.Retries += (long)value;
                    totals.Retries += (long)value;
                    break;
                case SyncMetrics.BatchSizeName:
                    bucket.Counts.Batches++;
                    bucket.Counts.BatchedEvents += (long)value;
                    totals.Batches++;
                    totals.BatchedEvents += (long)value;
                    break;
                case SyncMetrics.ApplyDurationName:
                    bucket.ApplyLatency.Record(value);
                    break;
                case SyncMetrics.LagName:
                    bucket.Lag.Record(value);
                    break;
            }
        });
    }

    private MapWindow WindowOf(string map) => maps.GetOrAdd(map, _ => new MapWindow(BucketsInWindow));

    private static long SlotOf(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / (long)BucketLength.TotalMilliseconds;
}
