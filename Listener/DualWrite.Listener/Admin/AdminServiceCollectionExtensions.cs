using System;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.ErrorQueue;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The admin options and authenticator, and the admin JSON conventions for minimal-API results.</summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());
        services.TryAddSingleton<AdminAuthenticator>();
        services.AddProblemDetails();
        services.Configure<JsonOptions>(json => AdminJson.Configure(json.SerializerOptions));

        // Binding failures raise BadHttpRequestException, which AdminBadRequestMiddleware answers with a named problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The services the admin API and the CLI act through: the error queue's and the conflicts' (needs the sync services).</summary>
    public static IServiceCollection AddAdminOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErrorQueueOperations(configuration);
        services.AddConflictOperations();
        return services;
    }
}
