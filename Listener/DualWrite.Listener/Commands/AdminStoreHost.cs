using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.StateStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DualWrite.Listener.Commands;

/// <summary>
/// The listener's state store and the admin services over it, for an admin command without <c>--url</c>: built from the
/// same configuration as <c>listen</c>, never started (a running listener may hold the port). With
/// <paramref name="withServices"/>, F&amp;O and Dataverse are configured too (resolving a conflict writes to them).
/// </summary>
internal sealed class AdminStoreHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private AdminStoreHost(WebApplication app)
    {
        this.app = app;
    }

    public IServiceProvider Services => app.Services;

    public static async Task<(AdminStoreHost? Host, string? Problem)> OpenAsync(string[] args, bool withServices, CancellationToken cancellationToken)
    {
        if (withServices)
        {
            var (full, problems) = OneShotHost.Build(args, terminal: true);
            if (full is null)
            {
                return (null, "Resolving through the store needs DualWrite:FinOps and DualWrite:Dataverse: " + string.Join(" ", problems));
            }

            return await InitializedAsync(full, cancellationToken).ConfigureAwait(false);
        }

        var app = ListenerHost.Build(args, builder =>
        {
            builder.Services.AddErrorQueueOperations(builder.Configuration);
            builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        });
        return await InitializedAsync(app, cancellationToken).ConfigureAwait(false);
    }

    public ConflictOperations ConflictOperations() =>
        Services.GetService<ConflictWriter>() is not null
            ? Services.GetRequiredService<ConflictOperations>()
            : new ConflictOperations(
                Services.GetRequiredService<IConflictStore>(),
                Services.GetRequiredService<Applying.MapCatalog>(),
                null,
                Services.GetRequiredService<ILogger<ConflictOperations>>());

    public async ValueTask DisposeAsync() => await app.DisposeAsync().ConfigureAwait(false);

    private static async Task<(AdminStoreHost? Host, string? Problem)> InitializedAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.Services.GetRequiredService<StateDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            return (null, "Cannot open the state store (DualWrite:Inbox): " + ex.Message);
        }

        return (new AdminStoreHost(app), null);
    }
}
