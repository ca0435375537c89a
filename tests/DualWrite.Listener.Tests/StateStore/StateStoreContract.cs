using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.SyncState;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DualWrite.Listener.Tests.StateStore;

/// <summary>
/// What every store contract runs on: fresh, empty state storage (SQLite or a real PostgreSQL) with all the
/// stores over it. Time is a FakeTimeProvider, so leases, retries and parking are exact.
/// </summary>
public abstract class StateStoreContract : IAsyncLifetime
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly CancellationToken None = CancellationToken.None;

    private StateStores stores = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    protected StateDatabase Database => stores.Database;

    protected IEventInbox Inbox => stores.Inbox;

    protected ISyncStateStore SyncState => stores.SyncState;

    protected IConflictStore Conflicts => stores.Conflicts;

    protected IMapStateStore MapStates => stores.MapStates;

    protected IErrorQueue ErrorQueue => stores.ErrorQueue;

    public async Task InitializeAsync()
    {
        stores = await CreateStoresAsync(Time).ConfigureAwait(false);
        await stores.Database.InitializeAsync(None).ConfigureAwait(false);
    }

    public virtual Task DisposeAsync()
    {
        stores?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every store over fresh, empty storage.</summary>
    protected abstract Task<StateStores> CreateStoresAsync(TimeProvider timeProvider);

    protected static string Describe(InboxEvent e) =>
        e.RecordKey.Split('\'')[3] + ":" + e.ControlNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected async Task ReceiveAsync(params FinOpsChangeEvent[] events)
    {
        foreach (var e in events)
        {
            await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);
        }
    }
}
