using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Listener.Hosting;

/// <summary>Creates the inbox tables before the worker starts and before Kestrel accepts events.</summary>
public sealed class InboxInitializer(IInboxStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
