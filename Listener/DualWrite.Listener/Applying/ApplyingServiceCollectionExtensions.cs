using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualWrite.Listener.Applying;

public static class ApplyingServiceCollectionExtensions
{
    /// <summary>What <see cref="ChangeApplier"/> is built from besides the clients, maps and stores: the lookup resolver.</summary>
    public static IServiceCollection AddChangeApplierParts(this IServiceCollection services)
    {
        services.TryAddSingleton<DataverseLookupResolver>();
        return services;
    }
}
