using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Monitoring;

/// <summary>
/// One map's last <see cref="MonitorAggregator.Window"/> of measurements as a ring of time buckets, plus totals
/// since the listener started. A bucket is reused once its time has passed out of the window.
/// </summary>
internal sealed class MapWindow
{
    private readonly object gate = new();
    private readonly MonitorBucket[] ring;
    private readonly MonitorCounts totals = new();

    public MapWindow(int buckets)
    {
        ring = new MonitorBucket[buckets];
        for (var i = 0; i < buckets; i++)
        {
            ring[i] = new MonitorBucket();
        }
    }

    /// <summary>Changes the bucket of <paramref name="slot"/> (and the totals) under the window's lock.</summary>
    public void Update(long slot, Action<MonitorBucket, MonitorCounts> change)
    {
        lock (gate)
        {
            var bucket = ring[(int)(slot % ring.Length)];
            if (bucket.Slot != slot)
            {
                bucket.Reset(slot);
            }

            change(bucket, totals);
        }
    }

    /// <summary>The buckets from <paramref name="firstSlot"/> to <paramref name="lastSlot"/>, oldest first; empty ones where nothing happened.</summary>
    public MapMonitor Snapshot(string map, long firstSlot, long lastSlot, TimeSpan bucketLength, int recentSlots, int percentileSlots)
    {
        var buckets = new List<MonitorBucketSnapshot>();
        var recent = new MonitorCounts();
        var latency = new LogHistogram();
        var lag = new LogHistogram();
        MonitorCounts totalsCopy;
        lock (gate)
        {
            totalsCopy = totals.Copy();
            for (var slot = firstSlot; slot <= lastSlot; slot++)
            {
                var bucket = ring[(int)(slot % ring.Length)];
                var start = DateTimeOffset.FromUnixTimeMilliseconds(slot * (long)bucketLength.TotalMilliseconds);
                if (bucket.Slot != slot)
                {
                    buckets.Add(new MonitorBucketSnapshot(start, 0, 0, 0, 0, null, null, null));
                    continue;
                }

                var counts = bucket.Counts;
                buckets.Add(new MonitorBucketSnapshot(
                    start,
                    counts.Received,
                    counts.Applied,
                    counts.EchoSkipped,
                    counts.Failed,
                    Milliseconds(bucket.ApplyLatency.Percentile(0.5)),
                    Milliseconds(bucket.ApplyLatency.Percentile(0.99)),
                    bucket.Lag.Percentile(0.99)));
                if (slot > lastSlot - recentSlots)
                {
                    recent.Add(counts);
                }

                if (slot > lastSlot - percentileSlots)
                {
                    latency.Add(bucket.ApplyLatency);
                    lag.Add(bucket.Lag);
                }
            }
        }

        return new MapMonitor(
            map,
            totalsCopy,
            recent.Received,
            recent.Applied,
            recent.Failed,
            Milliseconds(latency.Percentile(0.5)),
            Milliseconds(latency.Percentile(0.99)),
            lag.Percentile(0.5),
            lag.Percentile(0.99),
            buckets);
    }

    private static double? Milliseconds(double? seconds) => seconds is { } s ? Math.Round(s * 1000, 2) : null;
}
