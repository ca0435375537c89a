using System;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.Resilience;
using DualWrite.Listener.StateStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Hosting;

public static class ListenerServiceCollectionExtensions
{
    /// <summary>
    /// The listener's services: options (bound, validated at start), the inbox, the receiver and the worker.
    /// Register an <see cref="IChangeApplier"/> or a state store (<see cref="IEventInbox"/>, ...) before calling this to replace the defaults.
    /// </summary>
    public static IServiceCollection AddDualWriteListener(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        AddValidatedOptions<ReceivingOptions, ReceivingOptionsValidator>(services, configuration, ReceivingOptions.SectionName);
        AddValidatedOptions<InboxOptions, InboxOptionsValidator>(services, configuration, InboxOptions.SectionName);
        AddValidatedOptions<ProcessingOptions, ProcessingOptionsValidator>(services, configuration, ProcessingOptions.SectionName);
        AddValidatedOptions<ResilienceOptions, ResilienceOptionsValidator>(services, configuration, ResilienceOptions.SectionName);

        services.AddStateStores();
        services.AddSingleton<InboxSignal>();
        services.AddSenderAuthentication();
        services.AddMetrics();
        services.TryAddSingleton<ReceivingMetrics>();
        services.AddSingleton<EventReceiver>();
        services.TryAddSingleton<HostResilienceRegistry>();

        // Order matters: the tables exist before the worker claims from them. The host builds its hosted services
        // before it validates the options, and building them builds the store and the applier, which read their
        // options: validate every section first, so all problems show at once.
        services.AddHostedService(provider =>
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return new InboxInitializer(provider.GetRequiredService<StateDatabase>());
        });
        services.AddSingleton<InboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxWorker>());
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
