using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DualWrite.Listener.Health;

/// <summary>Ready only when the state store (inbox, error queue, map states) answers a query.</summary>
public sealed class StateStoreHealthCheck(StateDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The state store answers (" + database.GetType().Name + ").");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The state store does not answer: " + ex.Message, ex);
        }
    }
}
