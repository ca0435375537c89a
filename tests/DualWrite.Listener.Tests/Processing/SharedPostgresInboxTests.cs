using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Listener.Tests.Processing;

/// <summary>Several listener instances on one PostgreSQL inbox.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedPostgresInboxTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Two_instances_share_a_stream_keeping_each_records_order_and_doing_nothing_twice()
    {
        var connectionString = await server.CreateSchemaAsync();
        var applier = new RecordingApplier();
        var settings = new Dictionary<string, string?>
        {
            ["DualWrite:Inbox:PostgresConnectionString"] = connectionString,
            ["DualWrite:Processing:MaxDegreeOfParallelism"] = "4",
        };
        await using var first = await ListenerTestHost.StartAsync(directory.Path, settings, s => s.AddSingleton<IChangeApplier>(applier));
        await using var second = await ListenerTestHost.StartAsync(directory.Path, settings, s => s.AddSingleton<IChangeApplier>(applier));
        var hosts = new[] { first, second };

        // 30 records x 10 changes; each record's changes are sent in order, to either instance at random,
        // while the records interleave.
        var records = Enumerable.Range(0, 30).Select(r => Enumerable.Range(1, 10).Select(n => TestEvents.Customer("P" + r, n * 3L)).ToList()).ToList();
        var sent = 0;
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (changes, ct) =>
        {
            foreach (var change in changes)
            {
                var target = hosts[Random.Shared.Next(2)];
                using var response = await target.PostAsync(change);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                Interlocked.Increment(ref sent);
            }
        });

        await Eventually.TrueAsync(() => applier.TotalApplied == 300, "all 300 events applied", TimeSpan.FromSeconds(30));

        Assert.Equal(0, applier.Overlaps);
        Assert.All(applier.AppliedCountByEvent.Values, n => Assert.Equal(1, n));
        foreach (var changes in records)
        {
            Assert.Equal(changes.Select(c => c.ControlNumber), applier.AppliedOrder(changes[0].ContextRecordSubject));
        }

        Assert.Equal(2, applier.AppliedByOwner.Count);
        Assert.Contains(first.Worker.InstanceName, applier.AppliedByOwner.Keys);
        Assert.Contains(second.Worker.InstanceName, applier.AppliedByOwner.Keys);
    }
}
