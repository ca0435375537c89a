using System.Collections.Generic;

namespace DualWrite.Listener.Monitoring;

/// <summary>
/// One map on <c>GET /api/monitor</c>: totals since the listener started, the last minute's throughput, the
/// percentiles of the last <see cref="MonitorSnapshot.PercentileSeconds"/>, and the window's buckets, oldest first.
/// </summary>
public sealed record MapMonitor(
    string Map,
    MonitorCounts Totals,
    long ReceivedLastMinute,
    long AppliedLastMinute,
    long FailedLastMinute,
    double? ApplyLatencyP50Ms,
    double? ApplyLatencyP99Ms,
    double? LagP50Seconds,
    double? LagP99Seconds,
    IReadOnlyList<MonitorBucketSnapshot> Buckets);
