using System;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.Conflicts.Postgres;
using DualWrite.Listener.Conflicts.Sqlite;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.ErrorQueue.Postgres;
using DualWrite.Listener.ErrorQueue.Sqlite;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Inbox.Postgres;
using DualWrite.Listener.Inbox.Sqlite;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.MapStates.Postgres;
using DualWrite.Listener.MapStates.Sqlite;
using DualWrite.Listener.StateStore.Postgres;
using DualWrite.Listener.StateStore.Sqlite;
using DualWrite.Listener.SyncState;
using DualWrite.Listener.SyncState.Postgres;
using DualWrite.Listener.SyncState.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.StateStore;

public static class StateStoreServiceCollectionExtensions
{
    /// <summary>
    /// The state database chosen by <see cref="InboxOptions"/> and one store per purpose over it: event inbox,
    /// sync state, conflicts, map states and error queue. Each is TryAdd: register your own first to replace it.
    /// </summary>
    public static IServiceCollection AddStateStores(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => StateDatabaseFactory.Create(
            provider.GetRequiredService<IOptions<InboxOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEventInbox>(provider => For<IEventInbox>(
            provider,
            sqlite => new SqliteEventInbox(sqlite),
            postgres => new PostgresEventInbox(postgres)));
        services.TryAddSingleton<ISyncStateStore>(provider => For<ISyncStateStore>(
            provider,
            sqlite => new SqliteSyncStateStore(sqlite),
            postgres => new PostgresSyncStateStore(postgres)));
        services.TryAddSingleton<IConflictStore>(provider => For<IConflictStore>(
            provider,
            sqlite => new SqliteConflictStore(sqlite),
            postgres => new PostgresConflictStore(postgres)));
        services.TryAddSingleton<IErrorQueue>(provider => For<IErrorQueue>(
            provider,
            sqlite => new SqliteErrorQueue(sqlite),
            postgres => new PostgresErrorQueue(postgres)));
        services.TryAddSingleton<IMapStateStore>(provider => For<IMapStateStore>(
            provider,
            sqlite => new SqliteMapStateStore(sqlite, provider.GetRequiredService<IEventInbox>()),
            postgres => new PostgresMapStateStore(postgres, provider.GetRequiredService<IEventInbox>())));
        return services;
    }

    private static T For<T>(IServiceProvider provider, Func<SqliteStateDatabase, T> sqlite, Func<PostgresStateDatabase, T> postgres) =>
        provider.GetRequiredService<StateDatabase>() switch
        {
            SqliteStateDatabase database => sqlite(database),
            PostgresStateDatabase database => postgres(database),
            var other => throw new InvalidOperationException("No state stores for a " + other.GetType().Name + "."),
        };
}
