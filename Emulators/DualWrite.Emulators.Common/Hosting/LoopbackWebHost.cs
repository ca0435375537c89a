using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.Common.Hosting;

/// <summary>How every emulator is hosted: Kestrel on 127.0.0.1 only, configured from its options alone.</summary>
public static class LoopbackWebHost
{
    /// <summary>A slim builder listening on 127.0.0.1:<paramref name="port"/> (0: a free port the system picks).</summary>
    public static WebApplicationBuilder CreateBuilder(string? applicationName, int port, bool logToConsole)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = applicationName });
        // Everything comes from the options: no appsettings.json or ASPNETCORE_* of a hosting process (the listener)
        // may add Kestrel endpoints or change logging.
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        if (logToConsole)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        return builder;
    }

    /// <summary>Starts the app and answers <c>http://127.0.0.1:&lt;port it got&gt;/</c>.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri("http://127.0.0.1:" + new Uri(address).Port + "/");
    }
}
