using System;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Listener.Monitoring;

public static class MonitoringRoutes
{
    public const string MetricsPath = "/metrics";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// <c>/metrics</c> (Prometheus text, by OpenTelemetry's exporter), <c>/health/live</c> and <c>/health/ready</c>:
    /// open unless <c>DualWrite:Admin:ProtectMetrics</c> is true. Maps nothing on a host without the sync services
    /// (<see cref="MonitoringServiceCollectionExtensions.AddDualWriteMonitoring"/> not called).
    /// </summary>
    public static WebApplication MapMonitoring(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<IServiceProviderIsService>()?.IsService(typeof(MonitorAggregator)) != true)
        {
            return app;
        }

        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAdminWhenMetricsProtected(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .RequireAdminWhenMetricsProtected(app);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthChecksRegistration.ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync })
            .RequireAdminWhenMetricsProtected(app);
        return app;
    }
}
