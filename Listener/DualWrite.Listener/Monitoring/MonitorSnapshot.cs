using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Monitoring;

/// <summary>What <c>GET /api/monitor</c> answers: every map's recent sync figures, in buckets of <see cref="BucketSeconds"/>.</summary>
public sealed record MonitorSnapshot(
    DateTimeOffset GeneratedAt,
    int BucketSeconds,
    int WindowSeconds,
    int PercentileSeconds,
    IReadOnlyList<MapMonitor> Maps);
