using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Listener.Hosting;

/// <summary>Creates the inbox tables before the worker starts and before Kestrel accepts events.</summary>
/// <remarks>
/// The store is resolved in StartAsync, not injected: the host builds every hosted service before it runs the
/// options validators, and building the store reads (and would validate) one section alone.
/// </remarks>
public sealed class InboxInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<StateDatabase>().InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
