using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// The receiver's instruments on the <c>DualWrite.Listener</c> meter, for any System.Diagnostics.Metrics
/// listener (dotnet-counters, OpenTelemetry).
/// </summary>
public sealed class ReceivingMetrics
{
    public const string MeterName = "DualWrite.Listener";

    public const string ReusedEventIdsName = "dualwrite.listener.reused_event_ids";

    private readonly Counter<long> reusedEventIds;

    public ReceivingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        reusedEventIds = meter.CreateCounter<long>(
            ReusedEventIdsName,
            unit: "{event}",
            description: "Deliveries refused with 409 because their EventId is stored with different content.");
    }

    public void ReusedEventId(string entitySet) =>
        reusedEventIds.Add(1, new KeyValuePair<string, object?>("entity_set", entitySet));
}
