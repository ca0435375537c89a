using System;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Processing;
using DualWrite.Listener.StateStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    /// <summary>
    /// Recovery after downtime: the running markers, the catch-up runner and the service that watches for gaps (it runs
    /// only in a started host, so one-shot commands never catch up). Needs the reconciler and map states of <c>AddDualWriteSync</c>.
    /// </summary>
    public static IServiceCollection AddRecovery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RecoveryOptions>().Bind(configuration.GetSection(RecoveryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecoveryOptions>, RecoveryOptionsValidator>());
        services.TryAddSingleton(provider => new ListenerRunStore(provider.GetRequiredService<StateDatabase>()));
        services.TryAddSingleton<CatchUpRunner>();
        services.TryAddSingleton(provider => new RecoveryService(
            provider.GetRequiredService<ListenerRunStore>(),
            provider.GetRequiredService<CatchUpRunner>(),
            provider.GetRequiredService<IOptions<RecoveryOptions>>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RecoveryService>>(),

            // The marker carries the worker's lease owner name when there is a worker, so both name one instance.
            provider.GetService<InboxWorker>()?.InstanceName ?? Environment.MachineName + ":" + Environment.ProcessId));
        services.AddHostedService(provider => provider.GetRequiredService<RecoveryService>());
        return services;
    }
}
