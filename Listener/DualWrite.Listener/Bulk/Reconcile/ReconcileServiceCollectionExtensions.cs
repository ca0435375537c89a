using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualWrite.Listener.Bulk.Reconcile;

public static class ReconcileServiceCollectionExtensions
{
    /// <summary>The reconciler; needs the reader, writer and lookup resolver that <c>AddDualWriteSync</c> registers.</summary>
    public static IServiceCollection AddBulkReconcile(this IServiceCollection services)
    {
        services.TryAddSingleton<DeletedRecordRemover>();

        // The state store's stores come with the listener's services: fixes save synced values, removals are possible.
        services.TryAddSingleton(provider => new Reconciler(
            provider.GetRequiredService<DualWrite.Listener.Applying.MapCatalog>(),
            provider.GetRequiredService<DualWrite.Listener.Bulk.Reading.MapSourceReader>(),
            provider.GetRequiredService<DualWrite.Listener.Bulk.Lookups.BulkLookupResolver>(),
            provider.GetRequiredService<DualWrite.Listener.Bulk.Writing.IBulkWriter>(),
            provider.GetRequiredService<DualWrite.Listener.Clients.FinOps.FinOpsClient>(),
            provider.GetRequiredService<DualWrite.Listener.Clients.Dataverse.DataverseClient>(),
            provider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Reconciler>>(),
            provider.GetService<DualWrite.Listener.SyncState.ISyncStateStore>(),
            provider.GetService<DualWrite.Listener.SyncState.ISyncStateStore>() is null ? null : provider.GetRequiredService<DeletedRecordRemover>()));
        return services;
    }
}
