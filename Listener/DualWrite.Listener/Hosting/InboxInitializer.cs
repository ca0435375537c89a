using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Listener.Hosting;

/// <summary>Creates the state tables before the worker starts and before Kestrel accepts events.</summary>
public sealed class InboxInitializer(StateDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
