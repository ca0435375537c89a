using System;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Syncing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DualWrite.Listener.Health;

public static class HealthChecksRegistration
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs; <c>/health/live</c> runs none (the process answers).</summary>
    public const string ReadyTag = "ready";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Readiness: the state store, F&amp;O and Dataverse each answer.</summary>
    public static IServiceCollection AddDualWriteHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StateStoreHealthCheck>("state-store", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout)
            .Add(ServiceCheck("finops", ServiceTarget.FinOps))
            .Add(ServiceCheck("dataverse", ServiceTarget.Dataverse));
        return services;
    }

    private static HealthCheckRegistration ServiceCheck(string name, string target) => new(
        name,
        provider => new ServiceHealthCheck(target, provider.GetRequiredService<MapCatalog>(), provider),
        HealthStatus.Unhealthy,
        [ReadyTag],
        CheckTimeout);
}
