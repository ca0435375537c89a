using System;

namespace DualWrite.Listener.Monitoring;

/// <summary>One time bucket of a map on <c>GET /api/monitor</c>: counts, apply latency (ms) and lag (s); null where nothing was measured.</summary>
public sealed record MonitorBucketSnapshot(
    DateTimeOffset Start,
    long Received,
    long Applied,
    long EchoSkipped,
    long Failed,
    double? ApplyLatencyP50Ms,
    double? ApplyLatencyP99Ms,
    double? LagP99Seconds);
