using System.Collections.Generic;
using DualWrite.Emulators.Common.Hosting;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.FinOps.BulkChanges;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Faults;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.Hosting;

/// <summary>
/// What tests (and the admin endpoint) control: faults, throttling, event endpoints and delivery
/// quirks, the error log, the request log and the data itself.
/// </summary>
public sealed class FinOpsEmulatorControl
{
    internal FinOpsEmulatorControl(FaultInjector faults, Throttle throttle, BusinessEventPublisher events, RequestLog requests, FinOpsStore store, LatencySimulator latency, BulkChanger bulkChanges)
    {
        Latency = latency;
        BulkChanges = bulkChanges;
        Faults = faults;
        Throttle = throttle;
        Events = events;
        RequestLog = requests;
        Store = store;
    }

    /// <summary>Fail the next writes, add latency, drop connections.</summary>
    public FaultInjector Faults { get; }

    /// <summary>429 + Retry-After for the next requests, or a requests-per-window limit.</summary>
    public Throttle Throttle { get; }

    /// <summary>Endpoints, published events, duplicates and reordering on demand, error log and resend.</summary>
    public BusinessEventPublisher Events { get; }

    public RequestLog RequestLog { get; }

    /// <summary>The latency profile (per request, per record written), changeable while running.</summary>
    public LatencySimulator Latency { get; }

    /// <summary>Changes a field of many rows at once and publishes their events (a burst of live changes).</summary>
    public BulkChanger BulkChanges { get; }

    /// <summary>Recent requests, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Requests => RequestLog.Entries;

    /// <summary>The data, for assertions that look behind the HTTP surface.</summary>
    public FinOpsStore Store { get; }

    /// <summary>Clears faults and throttling (events, endpoints and data stay).</summary>
    public void Reset()
    {
        Faults.Reset();
        Throttle.Reset();
    }
}
