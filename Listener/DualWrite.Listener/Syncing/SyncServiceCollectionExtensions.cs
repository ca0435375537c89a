using System;
using System.Collections.Generic;
using System.Net.Http;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Auth;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualWrite.Listener.Syncing;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The applier and what it needs: the maps, both clients (resilience, then the bearer token, on every
    /// request) and the lookup cache. Call before <c>AddDualWriteListener</c>, whose default applier only logs.
    /// Throws <see cref="SyncConfigurationException"/> with every problem when F&amp;O or Dataverse is configured incompletely.
    /// </summary>
    public static IServiceCollection AddDualWriteSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var finOps = configuration.GetSection(ServiceTargetOptions.FinOpsSection).Get<ServiceTargetOptions>() ?? new ServiceTargetOptions();
        var dataverse = configuration.GetSection(ServiceTargetOptions.DataverseSection).Get<ServiceTargetOptions>() ?? new ServiceTargetOptions();
        var applying = configuration.GetSection(ApplierOptions.SectionName).Get<ApplierOptions>() ?? new ApplierOptions();
        var problems = new List<string>();
        problems.AddRange(finOps.Validate(ServiceTargetOptions.FinOpsSection));
        problems.AddRange(dataverse.Validate(ServiceTargetOptions.DataverseSection));
        problems.AddRange(applying.Validate());
        if (problems.Count > 0)
        {
            throw new SyncConfigurationException(problems);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostResilienceRegistry>();
        services.TryAddSingleton<OutboundHandlerHooks>();
        services.AddSingleton(applying);
        services.AddSingleton(new MapCatalog(MapSource.Load(configuration[MapSource.FolderSetting])));
        services.AddSingleton(provider => new LookupIdCache(provider.GetRequiredService<TimeProvider>(), applying.LookupCacheDuration));
        services.AddSingleton(provider => new FinOpsClient(CreateHttpClient(provider, finOps, provider.GetRequiredService<OutboundHandlerHooks>().FinOps), DataRoot(finOps.BaseUrl!, "data/"), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new DataverseClient(CreateHttpClient(provider, dataverse, provider.GetRequiredService<OutboundHandlerHooks>().Dataverse), DataRoot(dataverse.BaseUrl!, "api/data/v9.2/"), provider.GetRequiredService<TimeProvider>()));
        services.AddChangeApplierParts();
        services.AddSingleton<ChangeApplier>();
        services.AddSingleton<IChangeApplier>(provider => provider.GetRequiredService<ChangeApplier>());
        services.AddSingleton<InitialSync>();
        return services;
    }

    /// <summary>Resilience outermost, so every retry asks the token provider again (a 401 drops the cached token).</summary>
    private static HttpClient CreateHttpClient(IServiceProvider provider, ServiceTargetOptions target, Func<DelegatingHandler>? hook)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var tokens = AccessTokenProviders.Create(target.ToCredentials(), new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, time);
        HttpMessageHandler network = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (hook?.Invoke() is { } extra)
        {
            // The hook may return a chain: the network goes behind its innermost handler.
            var innermost = extra;
            while (innermost.InnerHandler is DelegatingHandler next)
            {
                innermost = next;
            }

            innermost.InnerHandler = network;
            network = extra;
        }

        var bearer = new BearerTokenHandler(tokens) { InnerHandler = network };
        var resilience = new ResilienceHandler(provider.GetRequiredService<HostResilienceRegistry>()) { InnerHandler = bearer };

        // Timeouts belong to the resilience pipeline (per attempt); the client's own would cut retries short.
        return new HttpClient(resilience) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    private static Uri DataRoot(Uri baseUrl, string path) => new(new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + "/"), path);
}
