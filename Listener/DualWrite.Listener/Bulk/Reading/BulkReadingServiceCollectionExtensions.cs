using System;
using System.Net.Http;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Syncing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Bulk.Reading;

public static class BulkReadingServiceCollectionExtensions
{
    /// <summary>
    /// The map source reader over both services' HTTP pipelines (tokens, resilience), rooted where the typed
    /// clients are. Needs what <see cref="SyncServiceCollectionExtensions.AddDualWriteSync"/> registers.
    /// </summary>
    public static IServiceCollection AddBulkReading(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var http = provider.GetRequiredService<IHttpClientFactory>();
            var time = provider.GetRequiredService<TimeProvider>();
            var finOps = new ODataTransport(http.CreateClient(ServiceTarget.FinOps), provider.GetRequiredService<FinOpsClient>().DataRoot, "F&O", preferInnerMessage: true, time);
            var dataverse = new ODataTransport(http.CreateClient(ServiceTarget.Dataverse), provider.GetRequiredService<DataverseClient>().WebApiRoot, "Dataverse", preferInnerMessage: false, time);
            return new MapSourceReader(finOps, dataverse, provider.GetRequiredService<ILogger<MapSourceReader>>());
        });
        services.TryAddSingleton<IMapSourceReader>(provider => provider.GetRequiredService<MapSourceReader>());
        return services;
    }
}
