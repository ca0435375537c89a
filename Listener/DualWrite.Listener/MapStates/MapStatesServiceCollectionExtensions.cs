using System;
using DualWrite.Listener.StateStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualWrite.Listener.MapStates;

public static class MapStatesServiceCollectionExtensions
{
    /// <summary>Map states: <see cref="MapOperations"/> (the one way to change them), its backlog reader and the observers' notifier.</summary>
    public static IServiceCollection AddMapStates(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new MapBacklogReader(provider.GetRequiredService<StateDatabase>()));
        services.TryAddSingleton<MapStateNotifier>();
        services.TryAddSingleton<MapOperations>();
        services.AddOptions<MapStateOptions>().Bind(configuration.GetSection(MapStateOptions.SectionName));
        services.TryAddSingleton<MapStateMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<MapStateMonitor>());
        return services;
    }
}
