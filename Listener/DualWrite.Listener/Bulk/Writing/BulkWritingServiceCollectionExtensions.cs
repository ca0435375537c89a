using System;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Bulk.Writing;

public static class BulkWritingServiceCollectionExtensions
{
    /// <summary>
    /// The bulk writer (a singleton: its pacing is learned across calls) with its validated options
    /// (<c>DualWrite:Bulk</c>), and the bulk lookup resolver that fills the applier's lookup cache.
    /// Needs the typed clients and the resilience registry of <c>AddDualWriteSync</c>.
    /// </summary>
    public static IServiceCollection AddBulkWriting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BulkWriterOptions>().Bind(configuration.GetSection(BulkWriterOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BulkWriterOptions>, BulkWriterOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BulkWriterOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            var registry = provider.GetRequiredService<HostResilienceRegistry>();
            var dataverse = provider.GetRequiredService<DataverseClient>();
            var finOps = provider.GetRequiredService<FinOpsClient>();
            return new BulkWriter(
                new DataverseBulkChannel(dataverse, options.BatchSize),
                new TargetPacer(options, registry.For(dataverse.WebApiRoot), time),
                new FinOpsBulkChannel(finOps, options.FinOpsBatchSize),
                new TargetPacer(options, registry.For(finOps.DataRoot), time),
                provider.GetRequiredService<ILogger<BulkWriter>>());
        });
        services.TryAddSingleton<IBulkWriter>(provider => provider.GetRequiredService<BulkWriter>());
        services.TryAddSingleton<BulkLookupResolver>();
        return services;
    }
}
