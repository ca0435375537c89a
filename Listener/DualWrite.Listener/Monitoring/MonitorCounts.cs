namespace DualWrite.Listener.Monitoring;

/// <summary>Event counts of one map, over a time bucket or since the listener started.</summary>
public sealed class MonitorCounts
{
    public long Received { get; set; }

    public long Applied { get; set; }

    public long EchoSkipped { get; set; }

    public long Failed { get; set; }

    public long Conflicts { get; set; }

    public long Retries { get; set; }

    /// <summary>Batches applied, and the events in them.</summary>
    public long Batches { get; set; }

    public long BatchedEvents { get; set; }

    public void Add(MonitorCounts other)
    {
        System.ArgumentNullException.ThrowIfNull(other);
        Received += other.Received;
        Applied += other.Applied;
        EchoSkipped += other.EchoSkipped;
        Failed += other.Failed;
        Conflicts += other.Conflicts;
        Retries += other.Retries;
        Batches += other.Batches;
        BatchedEvents += other.BatchedEvents;
    }

    public void Clear()
    {
        Received = Applied = EchoSkipped = Failed = Conflicts = Retries = Batches = BatchedEvents = 0;
    }

    public MonitorCounts Copy()
    {
        var copy = new MonitorCounts();
        copy.Add(this);
        return copy;
    }
}
