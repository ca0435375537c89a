using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.Syncing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DualWrite.Listener.Commands;

/// <summary>
/// The configured state store, through the same <see cref="MapOperations"/> the admin API uses. Only the store's and the
/// maps' settings are needed (not the F&amp;O or Dataverse ones): nothing is validated but what is used.
/// </summary>
internal sealed class StoreMapsBackend(WebApplication app) : IMapsBackend
{
    private readonly MapOperations _operations = app.Services.GetRequiredService<MapOperations>();

    public static async Task<StoreMapsBackend> OpenAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = ListenerHost.Build(args, builder =>
        {
            builder.Services.AddDualWriteSync(builder.Configuration);
            // On the store alone the command needs neither service: a running listener's monitor sees the change on
            // its next check and tells its observers (the Dataverse map-state mirror among them).
            builder.Services.RemoveAll<IMapStateObserver>();
            builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        });
        try
        {
            // Creates the tables of a new store, and migrates an older one, as the listener does at start.
            await app.Services.GetRequiredService<StateDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            return new StoreMapsBackend(app);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<IReadOnlyList<MapStatus>> GetMapsAsync(CancellationToken cancellationToken) => _operations.GetMapsAsync(cancellationToken);

    public Task<MapOperationResult> ChangeAsync(string operation, string map, string? reason, CancellationToken cancellationToken) => operation switch
    {
        "start" => _operations.StartAsync(map, reason, cancellationToken),
        "pause" => _operations.PauseAsync(map, reason, cancellationToken),
        "resume" => _operations.ResumeAsync(map, reason, cancellationToken),
        "stop" => _operations.StopAsync(map, reason, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a map operation."),
    };

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
