using System;
using DualWrite.Listener.Applying;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.Syncing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.ErrorQueue;

public static class ErrorQueueServiceCollectionExtensions
{
    /// <summary>
    /// The operator's error queue: its options (<c>DualWrite:ErrorQueue</c>), store, <see cref="ErrorOperations"/>, the
    /// side-by-side reader and the maintenance service (sweeps and retention). Needs the state stores; the maps come from
    /// the sync services when present, else from <c>DualWrite:Maps:Folder</c>.
    /// </summary>
    public static IServiceCollection AddErrorQueueOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ErrorQueueOptions>().Bind(configuration.GetSection(ErrorQueueOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ErrorQueueOptions>, ErrorQueueOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => MapSource.LoadCatalog(configuration[MapSource.FolderSetting]));
        services.TryAddSingleton(provider => new ErrorEntryStore(provider.GetRequiredService<StateDatabase>()));
        services.TryAddSingleton<ErrorOperations>();
        services.TryAddSingleton<ErrorRecordsReader>();
        services.TryAddSingleton<ErrorQueueMaintenance>();
        services.AddHostedService(provider => provider.GetRequiredService<ErrorQueueMaintenance>());
        return services;
    }
}
