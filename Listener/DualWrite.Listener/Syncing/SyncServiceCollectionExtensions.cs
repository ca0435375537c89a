using System;
using System.Net.Http;
using System.Threading;
using DualWrite.Listener.Alerts;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Reconcile;
using DualWrite.Listener.Recovery;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Auth;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Monitoring;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.MapStates.Mirror;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Syncing;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The applier and what it needs: the maps, both typed HTTP clients (resilience, then the bearer token, on
    /// every request) with their token providers, and the lookup cache. The F&amp;O, Dataverse and applying options
    /// are validated when the host starts, every problem reported at once. Tests add handlers in front of the
    /// network through <c>AddHttpClient(ServiceTarget.Dataverse).AddHttpMessageHandler(...)</c> after this call.
    /// </summary>
    public static IServiceCollection AddDualWriteSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostResilienceRegistry>();

        AddTarget(services, configuration, ServiceTarget.FinOps, ServiceTargetOptions.FinOpsSection);
        AddTarget(services, configuration, ServiceTarget.Dataverse, ServiceTargetOptions.DataverseSection);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceTargetOptions>, ServiceTargetOptionsValidator>());
        services.AddOptions<ApplierOptions>().Bind(configuration.GetSection(ApplierOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApplierOptions>, ApplierOptionsValidator>());
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ApplierOptions>>().Value);

        // The grant gets a plain client: a token request is not retried by the resilience handler.
        services.AddHttpClient(ServiceTarget.Tokens, http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();

        services.AddHttpClient(ServiceTarget.FinOps).AddTypedClient((http, provider) =>
            new FinOpsClient(http, DataRoot(Target(provider, ServiceTargetOptions.FinOpsSection), "data/"), provider.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(ServiceTarget.Dataverse).AddTypedClient((http, provider) =>
            new DataverseClient(http, DataRoot(Target(provider, ServiceTargetOptions.DataverseSection), "api/data/v9.2/"), provider.GetRequiredService<TimeProvider>()));

        services.AddSingleton(provider => MapSource.LoadCatalog(configuration[MapSource.FolderSetting]));
        services.AddSingleton(provider => new LookupIdCache(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ApplierOptions>().LookupCacheDuration));
        services.AddChangeApplierParts();
        services.AddSingleton<ChangeApplier>();
        services.AddSingleton<IChangeApplier>(provider => provider.GetRequiredService<ChangeApplier>());
        services.AddBulkReading();
        services.AddBulkReconcile();
        services.AddRecovery(configuration);
        services.AddBulkWriting(configuration);
        services.AddInitialSync(configuration);
        services.AddAdminOperations(configuration);
        services.AddMapStates(configuration);
        services.AddAlerts(configuration);
        services.AddMapStateMirror(configuration);

        // Last: it wraps the registered change applier to measure it.
        services.AddDualWriteMonitoring();
        return services;
    }

    /// <summary>
    /// One target's options, token provider and HTTP pipeline. Resilience is outermost, so every retry asks the
    /// token provider again (a 401 drops the cached token); its per-attempt timeout replaces the client's own.
    /// </summary>
    private static void AddTarget(IServiceCollection services, IConfiguration configuration, string target, string section)
    {
        services.AddOptions<ServiceTargetOptions>(section).Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddKeyedSingleton<IAccessTokenProvider>(target, (provider, _) => AccessTokenProviders.Create(
            Target(provider, section).ToCredentials(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(ServiceTarget.Tokens),
            provider.GetRequiredService<TimeProvider>()));
        // No per-request log lines (the factory's default): the clients report failures themselves.
        services.AddHttpClient(target, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })

            // The applier keeps its clients for the life of the host; the pooled connections are recycled instead.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(provider => new ResilienceHandler(provider.GetRequiredService<HostResilienceRegistry>()))
            .AddHttpMessageHandler(provider => new BearerTokenHandler(provider.GetRequiredKeyedService<IAccessTokenProvider>(target)));
    }

    private static ServiceTargetOptions Target(IServiceProvider provider, string section) =>
        provider.GetRequiredService<IOptionsMonitor<ServiceTargetOptions>>().Get(section);

    private static Uri DataRoot(ServiceTargetOptions target, string path) =>
        new(new Uri(target.BaseUrl!.GetLeftPart(UriPartial.Authority) + "/"), path);
}
