using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Syncing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DualWrite.Listener.Health;

/// <summary>
/// Ready only when F&amp;O or Dataverse answers a one-row read of the first map's table through the listener's own
/// client: the token, the network and the service all work, not just a ping.
/// </summary>
public sealed class ServiceHealthCheck(string target, MapCatalog catalog, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var map = catalog.Maps.FirstOrDefault();
        if (map is null)
        {
            return HealthCheckResult.Healthy("No map runs, so " + (target == ServiceTarget.FinOps ? "F&O" : "Dataverse") + " is not needed.");
        }

        var service = target == ServiceTarget.FinOps ? "F&O" : "Dataverse";
        var query = new ODataQuery { Top = 1 };
        ODataResult<ODataPage> page;
        string entitySet;
        if (target == ServiceTarget.FinOps)
        {
            entitySet = map.FinOps.EntitySet;
            page = await Client<FinOpsClient>().QueryPageAsync(entitySet, query, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            entitySet = map.Dataverse.EntitySet;
            page = await Client<DataverseClient>().QueryPageAsync(entitySet, query, 1, cancellationToken).ConfigureAwait(false);
        }

        return page.Succeeded
            ? HealthCheckResult.Healthy(service + " answers (" + entitySet + ").")
            : HealthCheckResult.Unhealthy(service + " does not answer a read of " + entitySet + ": " + page.Error);
    }

    // Typed clients are transient: one per check.
    private T Client<T>()
        where T : notnull => (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not registered."));
}
