using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.Inbox;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEventInboxTests(PostgresServer server) : EventInboxContract
{
    [Fact]
    public async Task An_event_received_by_another_instance_wakes_the_listening_ones()
    {
        using var other = StateStores.Postgres(await server.CreateSchemaAsync(), TimeProvider.System);
        await other.Database.InitializeAsync(default);
        var woken = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var listening = ((IInboxWakeSource)Inbox).ListenAsync(() => woken.Release(), stop.Token);
        Assert.True(await woken.WaitAsync(TimeSpan.FromSeconds(10)), "a wake-up once listening");
        while (await woken.WaitAsync(TimeSpan.FromMilliseconds(200)))
        {
            // Drain wake-ups caused by other tests' instances.
        }

        var e = TestEvents.Customer("A", 1);
        await other.Inbox.ReceiveAsync(e, TestEvents.Json(e), default);

        Assert.True(await woken.WaitAsync(TimeSpan.FromSeconds(10)), "woken by the other instance's event");
        await stop.CancelAsync();
        await listening.WaitAsync(TimeSpan.FromSeconds(10));
    }

    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
