using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.MapStates.Mirror;

public static class MapStateMirrorServiceCollectionExtensions
{
    /// <summary>
    /// The plug-in's view of the map states: the observer that mirrors them into Dataverse, and the sender of the saves
    /// a paused map's steps queued (a hosted service: it runs while the listener does). Needs the typed clients and the
    /// map catalog of <c>AddDualWriteSync</c>.
    /// </summary>
    public static IServiceCollection AddMapStateMirror(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueuedChangeOptions>().Bind(configuration.GetSection(QueuedChangeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueuedChangeOptions>, QueuedChangeOptionsValidator>());
        services.TryAddSingleton<QueuedChangeTables>();
        services.TryAddSingleton<QueuedChangeSender>();
        services.AddHostedService(provider => provider.GetRequiredService<QueuedChangeSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMapStateObserver, MapStateMirror>());
        return services;
    }
}
