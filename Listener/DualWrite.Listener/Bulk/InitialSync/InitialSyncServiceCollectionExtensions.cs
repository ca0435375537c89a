using System;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Checkpoints.Postgres;
using DualWrite.Listener.Bulk.Checkpoints.Sqlite;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.StateStore.Postgres;
using DualWrite.Listener.StateStore.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Bulk.InitialSync;

public static class InitialSyncServiceCollectionExtensions
{
    /// <summary>
    /// The initial sync engine, its validated options (<c>DualWrite:InitialSync</c>) and the checkpoint store over
    /// the state database. Needs the reader, the bulk writer and the lookup resolver registered by their own extensions.
    /// </summary>
    public static IServiceCollection AddInitialSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InitialSyncOptions>().Bind(configuration.GetSection(InitialSyncOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InitialSyncOptions>, InitialSyncOptionsValidator>());
        services.TryAddSingleton<ISyncCheckpointStore>(provider => provider.GetRequiredService<StateDatabase>() switch
        {
            SqliteStateDatabase sqlite => new SqliteSyncCheckpointStore(sqlite),
            PostgresStateDatabase postgres => new PostgresSyncCheckpointStore(postgres),
            var other => throw new InvalidOperationException("No checkpoint store for a " + other.GetType().Name + "."),
        });
        services.TryAddSingleton<InitialSyncRecordMapper>();
        services.TryAddSingleton<MapLoader>();
        services.TryAddSingleton<InitialSyncEngine>();
        return services;
    }
}
