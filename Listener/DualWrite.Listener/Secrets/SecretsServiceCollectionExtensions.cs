using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// Reads the secrets file, if one is named, into the configuration, and registers <see cref="ConfiguredSecrets"/>
    /// and the redaction of problem details (their title and detail never carry a configured secret).
    /// </summary>
    public static WebApplicationBuilder AddSecrets(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        SecretsFile.AddTo(builder.Configuration);
        builder.Services.TryAddSingleton<ConfiguredSecrets>();
        builder.Services.AddProblemDetails(options =>
        {
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                var secrets = context.HttpContext.RequestServices.GetRequiredService<ConfiguredSecrets>();
                var problem = context.ProblemDetails;
                problem.Title = problem.Title is null ? null : secrets.Redact(problem.Title);
                problem.Detail = problem.Detail is null ? null : secrets.Redact(problem.Detail);
            };
        });
        return builder;
    }

    /// <summary>Warns, once the listener has started, about each secret this process got on its command line.</summary>
    public static void WarnAboutCommandLineSecrets(this WebApplication app, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(app);
        var keys = CommandLineSecrets.KeysOnProcessCommandLine(args);
        if (keys.Count == 0)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DualWrite.Listener.Secrets");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var key in keys)
            {
                SecretsLog.SecretOnCommandLine(logger, key);
            }
        });
    }
}
