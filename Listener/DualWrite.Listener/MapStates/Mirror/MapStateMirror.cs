using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Core.Pausing;
using DualWrite.Listener.Clients.Dataverse;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.MapStates.Mirror;

/// <summary>
/// Copies each map's state into Dataverse (<see cref="MapStateTable"/>), where the write-through plug-in reads it on
/// every save: the sandbox cannot call the listener. Upserts by the map's name with the integration tag; a map that
/// is live again wakes the <see cref="QueuedChangeSender"/>, which sends the saves queued meanwhile.
/// </summary>
public sealed partial class MapStateMirror : IMapStateObserver
{
    private readonly DataverseClient _dataverse;
    private readonly IMapStateStore _store;
    private readonly QueuedChangeSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger<MapStateMirror> _logger;

    public MapStateMirror(DataverseClient dataverse, IMapStateStore store, QueuedChangeSender sender, TimeProvider time, ILogger<MapStateMirror> logger)
    {
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task OnMapStateChangedAsync(string mapName, MapRunState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapName);
        var reason = state is MapRunState.Paused or MapRunState.NotRunning ? await ReasonAsync(mapName, cancellationToken).ConfigureAwait(false) : null;
        var row = new JsonObject
        {
            [MapStateTable.State] = state.ToString(),
            [MapStateTable.Reason] = reason is { Length: > MapStateTable.ReasonLength } ? reason[..MapStateTable.ReasonLength] : reason,
            [MapStateTable.ChangedOn] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var path = ODataKeyFormatter.EntityPath(MapStateTable.EntitySet, ODataKey.Named(MapStateTable.Name, mapName));
        var written = await _dataverse.UpsertAsync(path, row, UpsertMode.CreateOrUpdate, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded)
        {
            // The notifier logs and goes on: the plug-in keeps acting on the last state it can read.
            throw new InvalidOperationException("Map '" + mapName + "': the plug-in's copy of its state (" + MapStateTable.EntitySet + ") could not be set to " + state + ": " + written.Error);
        }

        LogMirrored(mapName, state);
        if (state is not (MapRunState.Paused or MapRunState.NotRunning))
        {
            _sender.Wake();
        }
    }

    private async Task<string?> ReasonAsync(string mapName, CancellationToken cancellationToken)
    {
        var states = await _store.GetMapStatesAsync(cancellationToken).ConfigureAwait(false);
        return states.FirstOrDefault(s => string.Equals(s.MapName, mapName, StringComparison.Ordinal))?.Reason;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}': the plug-in now sees it {State}.")]
    private partial void LogMirrored(string map, MapRunState state);
}
