using System;
using System.Collections.Generic;
using DualWrite.Emulators.Common.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Emulators.Common.Hosting;

/// <summary>
/// What every emulator host has, set up once: Kestrel on loopback (<see cref="LoopbackWebHost"/>), the clock, the
/// token service for its registered applications, the request log, logging of every request, the token
/// endpoint and the admin endpoints both emulators share. Each emulator adds its own services before <c>Build</c>
/// and its own endpoints after <see cref="UseShared"/>.
/// </summary>
public static class EmulatorHost
{
    /// <summary>
    /// The builder with <see cref="TimeProvider"/>, <see cref="TokenService"/> and <see cref="RequestLog"/> registered.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(
        string? applicationName,
        int port,
        bool logToConsole,
        TimeProvider time,
        IEnumerable<IClientCredential> clients,
        int requestLogCapacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(clients);
        var builder = LoopbackWebHost.CreateBuilder(applicationName, port, logToConsole);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new TokenService(clients, time));
        builder.Services.AddSingleton(new RequestLog(requestLogCapacity));
        return builder;
    }

    /// <summary>
    /// Logs every request (first in the pipeline, so refused ones are logged too), maps the token endpoint and the
    /// shared admin endpoints (<see cref="EmulatorAdminEndpoints"/>).
    /// </summary>
    /// <param name="requireScope">Whether a token request must name a scope (F&amp;O: yes; Dataverse: optional, as the documented curl examples omit it).</param>
    /// <returns>The <c>/_emulator</c> group, for the emulator's own admin endpoints.</returns>
    public static RouteGroupBuilder UseShared(WebApplication app, bool requireScope)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLoggingMiddleware>();
        new TokenEndpoint(app.Services.GetRequiredService<TokenService>(), requireScope).MapTo(app);
        return EmulatorAdminEndpoints.Map(app);
    }
}
