using System;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualWrite.Listener.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The admin options and authenticator, and the admin JSON conventions for minimal-API results.</summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.TryAddSingleton<AdminAuthenticator>();
        services.AddProblemDetails();
        services.Configure<JsonOptions>(json => AdminJson.Configure(json.SerializerOptions));
        return services;
    }
}
