namespace DualWrite.Listener.Monitoring;

/// <summary>One map's measurements in one time bucket (<see cref="MonitorAggregator.BucketLength"/>).</summary>
internal sealed class MonitorBucket
{
    /// <summary>Which bucket of time this is (Unix time divided by the bucket length); -1 when unused.</summary>
    public long Slot { get; set; } = -1;

    public MonitorCounts Counts { get; } = new();

    /// <summary>Apply latency in seconds.</summary>
    public LogHistogram ApplyLatency { get; private set; } = new();

    /// <summary>End-to-end lag in seconds.</summary>
    public LogHistogram Lag { get; private set; } = new();

    public void Reset(long slot)
    {
        Slot = slot;
        Counts.Clear();
        ApplyLatency = new LogHistogram();
        Lag = new LogHistogram();
    }
}
