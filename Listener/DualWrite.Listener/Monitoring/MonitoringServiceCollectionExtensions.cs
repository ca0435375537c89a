using System;
using System.Linq;
using DualWrite.Listener.Health;
using DualWrite.Listener.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace DualWrite.Listener.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// The sync's metrics (<see cref="SyncMetrics"/>, the applier measured), the in-process aggregator behind
    /// <c>/api/monitor</c>, OpenTelemetry's Prometheus exporter for <c>/metrics</c> and the readiness checks. Call after
    /// the applier is registered: the registered <see cref="IChangeApplier"/> is wrapped.
    /// </summary>
    public static IServiceCollection AddDualWriteMonitoring(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SyncMetrics>();
        services.TryAddSingleton<MonitorAggregator>();
        services.AddHostedService(provider => provider.GetRequiredService<MonitorAggregator>());
        MeasureApplier(services);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SyncMetrics.MeterName)
            .AddView(SyncMetrics.ApplyDurationName, new ExplicitBucketHistogramConfiguration { Boundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] })
            .AddView(SyncMetrics.LagName, new ExplicitBucketHistogramConfiguration { Boundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 86400] })
            .AddView(SyncMetrics.BatchSizeName, new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] })
            .AddPrometheusExporter());
        services.AddDualWriteHealthChecks();
        return services;
    }

    // Replaces the last IChangeApplier registration with the same applier wrapped in MeasuredChangeApplier.
    private static void MeasureApplier(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IChangeApplier) && !d.IsKeyedService);
        if (existing is null || existing.ImplementationType == typeof(MeasuredChangeApplier))
        {
            return;
        }

        services.Remove(existing);
        services.Add(ServiceDescriptor.Describe(
            typeof(IChangeApplier),
            provider => new MeasuredChangeApplier(
                Resolve(existing, provider),
                provider.GetRequiredService<SyncMetrics>(),
                provider.GetRequiredService<IOptions<ProcessingOptions>>(),
                provider.GetRequiredService<TimeProvider>()),
            existing.Lifetime));
    }

    private static IChangeApplier Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IChangeApplier)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
