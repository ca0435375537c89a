using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Listener.Tests.Processing;

/// <summary>A short lease and a slow apply: the worker's heartbeat keeps the record while its owner lives, and only then.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaseRenewalTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);

    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task An_apply_three_times_longer_than_its_lease_runs_once_and_records_its_outcome()
    {
        var applier = new RecordingApplier { Work = TimeSpan.FromSeconds(3) };
        await using var host = await ListenerTestHost.StartAsync(
            directory.Path,
            new Dictionary<string, string?>
            {
                ["DualWrite:Processing:LeaseDuration"] = "00:00:01",
                ["DualWrite:Processing:ApplyTimeout"] = "00:00:10",
                ["DualWrite:Processing:IdleRecheckInterval"] = "00:00:00.200",
            },
            services => services.AddSingleton<IChangeApplier>(applier));
        var e = TestEvents.Customer("SLOW", 1);

        using (await host.PostAsync(e))
        {
        }

        await Eventually.TrueAsync(async () => (await host.Store.GetEventAsync(e.EventId, default))!.State == InboxEventState.Applied, "applied and recorded", TimeSpan.FromSeconds(10));
        var done = await host.Store.GetEventAsync(e.EventId, default);
        Assert.Equal(1, done!.Attempts);
        Assert.Equal(0, applier.Overlaps);
        Assert.Equal(1, applier.TotalApplied);
    }

    [Fact]
    public async Task A_second_instance_never_takes_a_renewed_record_over_and_does_once_its_owner_dies()
    {
        var connectionString = await server.CreateSchemaAsync();
        var applier = new RecordingApplier();
        var settings = new Dictionary<string, string?>
        {
            ["DualWrite:Inbox:PostgresConnectionString"] = connectionString,
            ["DualWrite:Processing:LeaseDuration"] = "00:00:01",
            ["DualWrite:Processing:IdleRecheckInterval"] = "00:00:00.200",
        };

        // The first owner: an instance in the middle of a slow apply, alive as long as its heartbeat runs.
        var alive = new PostgresHolder(connectionString);
        await using (alive)
        {
            await alive.Stores.Database.InitializeAsync(default);
            var e = TestEvents.Customer("HELD", 1);
            await alive.Stores.Inbox.ReceiveAsync(e, TestEvents.Json(e), default);
            var claimed = await alive.Stores.Inbox.ClaimAsync("first", 10, ShortLease, default);
            Assert.Single(claimed);
            using var keeper = new LeaseKeeper(alive.Stores.Inbox, "first", ShortLease, TimeProvider.System);
            keeper.Track(claimed);
            using var heart = new CancellationTokenSource();
            var beating = Task.Run(async () =>
            {
                while (!heart.IsCancellationRequested)
                {
                    await keeper.RenewAsync(CancellationToken.None);
                    await Task.Delay(ShortLease / 3, CancellationToken.None);
                }
            });
            await using var second = await ListenerTestHost.StartAsync(directory.Path, settings, s => s.AddSingleton<IChangeApplier>(applier));

            // Three lease lengths with the owner alive: the second instance, polling, never gets it.
            await Task.Delay(ShortLease * 3);
            Assert.Equal(0, applier.TotalApplied);
            Assert.False(keeper.IsLost(claimed[0]));

            // The owner dies (no more heartbeats): within a lease and a poll, the second instance applies it.
            await heart.CancelAsync();
            await beating;
            await Eventually.TrueAsync(() => applier.TotalApplied == 1, "taken over after the owner died", TimeSpan.FromSeconds(10));
            Assert.Equal(second.Worker.InstanceName, Assert.Single(applier.AppliedByOwner.Keys));
            await keeper.RenewAsync(CancellationToken.None);
            Assert.True(keeper.IsLost(claimed[0]));
        }
    }

    /// <summary>A bare inbox on the shared schema, standing in for an instance that holds a lease.</summary>
    private sealed class PostgresHolder(string connectionString) : IAsyncDisposable
    {
        public StateStores Stores { get; } = StateStores.Postgres(connectionString, TimeProvider.System);

        public ValueTask DisposeAsync()
        {
            Stores.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
