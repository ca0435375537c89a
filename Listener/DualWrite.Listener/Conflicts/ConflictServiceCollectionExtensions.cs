using DualWrite.Listener.Applying;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Conflicts;

public static class ConflictServiceCollectionExtensions
{
    /// <summary><see cref="ConflictOperations"/> with its writer (needs the sync services: the applier and both clients).</summary>
    public static IServiceCollection AddConflictOperations(this IServiceCollection services)
    {
        services.TryAddSingleton<ConflictWriter>();
        services.TryAddSingleton(provider => new ConflictOperations(
            provider.GetRequiredService<IConflictStore>(),
            provider.GetRequiredService<MapCatalog>(),
            provider.GetRequiredService<ConflictWriter>(),
            provider.GetRequiredService<ILogger<ConflictOperations>>()));
        return services;
    }
}
