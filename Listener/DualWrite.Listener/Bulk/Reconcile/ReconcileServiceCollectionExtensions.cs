using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualWrite.Listener.Bulk.Reconcile;

public static class ReconcileServiceCollectionExtensions
{
    /// <summary>The reconciler; needs the reader, writer and lookup resolver that <c>AddDualWriteSync</c> registers.</summary>
    public static IServiceCollection AddBulkReconcile(this IServiceCollection services)
    {
        services.TryAddSingleton<Reconciler>();
        return services;
    }
}
