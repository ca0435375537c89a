using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Alert rules (validated at start), their evaluator and monitor, the recent list and the webhook sender.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.AddHttpClient(AlertWebhookSender.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.TryAddSingleton<RecentAlerts>();
        services.TryAddSingleton<AlertWebhookSender>();
        services.TryAddSingleton<AlertEvaluator>();
        services.TryAddSingleton<AlertMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertWebhookSender>());
        services.AddHostedService(provider => provider.GetRequiredService<AlertMonitor>());
        return services;
    }
}
