using System;
using System.Linq;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Monitoring;
using DualWrite.Listener.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace DualWrite.Listener.Tests.Monitoring;

public class MonitorAggregatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_and_percentiles_land_in_ten_second_buckets_per_map()
    {
        using var rig = new Rig();
        rig.Metrics.Received("CustomersV3", duplicate: false);
        rig.Metrics.Received("CustomersV3", duplicate: true);
        rig.Metrics.Applied("Customers", TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(2));
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        rig.Metrics.Applied("Customers", TimeSpan.FromMilliseconds(60), TimeSpan.FromSeconds(3));
        rig.Metrics.Failed("Vendors");

        var snapshot = rig.Aggregator.Snapshot(TimeSpan.FromMinutes(1));

        Assert.Equal(10, snapshot.BucketSeconds);
        Assert.Equal(60, snapshot.WindowSeconds);
        var customers = snapshot.Maps.Single(m => m.Map == "Customers");
        Assert.Equal(2, customers.Totals.Applied);
        Assert.Equal(2, customers.AppliedLastMinute);
        Assert.Equal(6, customers.Buckets.Count);
        Assert.Equal([0, 0, 0, 0, 1, 1], customers.Buckets.Select(b => b.Applied));
        Assert.InRange(customers.ApplyLatencyP50Ms!.Value, 36, 44);
        Assert.InRange(customers.ApplyLatencyP99Ms!.Value, 54, 60);
        Assert.InRange(customers.LagP99Seconds!.Value, 2.7, 3.0);

        // Without a map catalog, an unmapped entity set stands for its map.
        Assert.Equal(1, snapshot.Maps.Single(m => m.Map == "CustomersV3").Totals.Received);
        Assert.Equal(1, snapshot.Maps.Single(m => m.Map == "Vendors").FailedLastMinute);
    }

    [Fact]
    public void Buckets_older_than_the_window_are_forgotten_but_totals_stay()
    {
        using var rig = new Rig();
        rig.Metrics.Applied("Customers", TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));
        rig.Time.Advance(TimeSpan.FromMinutes(16));
        rig.Metrics.Retry("Customers");

        var customers = rig.Aggregator.Snapshot().Maps.Single();

        Assert.Equal(90, customers.Buckets.Count);
        Assert.Equal(0, customers.Buckets.Sum(b => b.Applied));
        Assert.Equal(1, customers.Totals.Applied);
        Assert.Equal(1, customers.Totals.Retries);
        Assert.Null(customers.ApplyLatencyP50Ms);
    }

    [Fact]
    public void Two_hosts_in_one_process_never_see_each_others_figures()
    {
        using var first = new Rig();
        using var second = new Rig();
        first.Metrics.Applied("Customers", TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));

        Assert.Single(first.Aggregator.Snapshot().Maps);
        Assert.Empty(second.Aggregator.Snapshot().Maps);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_measured_applier_reports_outcomes_and_the_last_attempt_as_failed()
    {
        using var rig = new Rig();
        var outcomes = new[] { ApplyOutcome.Applied, ApplyOutcome.RetryLater("busy"), ApplyOutcome.RetryLater("busy"), ApplyOutcome.Failed("refused") };
        var applier = new MeasuredChangeApplier(new ScriptedApplier(outcomes), rig.Metrics, Microsoft.Extensions.Options.Options.Create(new ProcessingOptions { MaxAttempts = 3 }), rig.Time);

        var results = await applier.ApplyBatchAsync([Event(1), Event(1), Event(3), Event(1)], default);

        Assert.Equal(outcomes, results);
        var map = rig.Aggregator.Snapshot().Maps.Single();
        Assert.Equal("CustomersV3", map.Map);
        Assert.Equal(1, map.Totals.Applied);
        Assert.Equal(1, map.Totals.Retries);
        Assert.Equal(2, map.Totals.Failed); // one at its last attempt, one refused
        Assert.Equal(1, map.Totals.Batches);
        Assert.Equal(4, map.Totals.BatchedEvents);
        Assert.InRange(map.LagP50Seconds!.Value, 4.5, 5.5);
    }

    private InboxEvent Event(int attempts) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        RecordKey = "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')",
        EntitySet = "CustomersV3",
        EntityKey = "(dataAreaId='usmf',CustomerAccount='US-001')",
        LegalEntity = "usmf",
        Operation = DualWrite.Core.Events.ChangeOperation.Update,
        ControlNumber = 1,
        EventTime = Start - TimeSpan.FromSeconds(5),
        Body = "{}",
        ReceiveCount = 1,
        State = InboxEventState.Pending,
        Attempts = attempts,
        NextAttemptAt = Start,
        FirstReceivedAt = Start,
        LastReceivedAt = Start,
        UpdatedAt = Start,
    };

    private sealed class ScriptedApplier(ApplyOutcome[] outcomes) : IChangeApplier
    {
        private int next;

        public System.Threading.Tasks.Task<ApplyOutcome> ApplyAsync(InboxEvent inboxEvent, System.Threading.CancellationToken cancellationToken) =>
            System.Threading.Tasks.Task.FromResult(outcomes[next++]);
    }

    private sealed class Rig : IDisposable
    {
        private readonly ServiceProvider services;

        public Rig()
        {
            services = new ServiceCollection().AddMetrics().BuildServiceProvider();
            var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            Metrics = new SyncMetrics(factory);
            Aggregator = new MonitorAggregator(factory, Time);
            Aggregator.Start();
        }

        public FakeTimeProvider Time { get; } = new(Start);

        public SyncMetrics Metrics { get; }

        public MonitorAggregator Aggregator { get; }

        public void Dispose()
        {
            Aggregator.Dispose();
            services.Dispose();
        }
    }
}
