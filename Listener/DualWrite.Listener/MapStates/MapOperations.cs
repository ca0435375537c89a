using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Inbox;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// The one service that changes map states (the CLI, the admin API and alerts all come here), and reads them with
/// their backlogs. An operation whose target already holds succeeds without a change (pause a paused map); one the
/// state does not allow is refused (resume or pause a stopped map: start it; start a paused map: resume it).
/// </summary>
public sealed partial class MapOperations
{
    private readonly IMapStateStore _store;
    private readonly MapCatalog _catalog;
    private readonly MapBacklogReader _backlogs;
    private readonly IEventInbox _inbox;
    private readonly MapStateNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ILogger<MapOperations> _logger;

    public MapOperations(IMapStateStore store, MapCatalog catalog, MapBacklogReader backlogs, IEventInbox inbox, MapStateNotifier notifier, TimeProvider time, ILogger<MapOperations> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _backlogs = backlogs ?? throw new ArgumentNullException(nameof(backlogs));
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Starts a stopped map: its changes are synced again from now on (not those made while it was stopped).</summary>
    public Task<MapOperationResult> StartAsync(string map, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(map, reason, "start", cancellationToken);

    /// <summary>Pauses a map: its events keep being received and stored, none is applied.</summary>
    public Task<MapOperationResult> PauseAsync(string map, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(map, reason, "pause", cancellationToken);

    /// <summary>Resumes a paused map: it catches up on its backlog in order, then turns Running by itself.</summary>
    public Task<MapOperationResult> ResumeAsync(string map, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(map, reason, "resume", cancellationToken);

    /// <summary>Stops a map: from now on its changes are not synced; what waits for it is dropped.</summary>
    public Task<MapOperationResult> StopAsync(string map, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(map, reason, "stop", cancellationToken);

    /// <summary>Every configured map, in the catalog's order, with its state and backlog.</summary>
    public async Task<IReadOnlyList<MapStatus>> GetMapsAsync(CancellationToken cancellationToken)
    {
        var states = (await _store.GetMapStatesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.MapName, StringComparer.Ordinal);
        var backlogs = await _backlogs.GetBacklogsAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return _catalog.Maps.Select(map => Status(map, states.GetValueOrDefault(map.Name), backlogs.GetValueOrDefault(map.FinOps.EntitySet) ?? MapBacklog.Empty, now)).ToList();
    }

    /// <summary>One map by name (any case), or null when no map has that name.</summary>
    public async Task<MapStatus?> GetMapAsync(string map, CancellationToken cancellationToken)
    {
        var found = Find(map);
        return found is null ? null : (await GetMapsAsync(cancellationToken).ConfigureAwait(false)).First(m => m.Name == found.Name);
    }

    /// <summary>A sentence naming the known maps, for an unknown name.</summary>
    public string UnknownMapDetail(string map) =>
        "No map is named '" + map + "'. The maps are: " + (_catalog.Maps.Count == 0 ? "(none configured)" : string.Join(", ", _catalog.Maps.Select(m => "'" + m.Name + "'"))) + ".";

    /// <summary>
    /// Turns catching-up maps whose backlog has drained Running (events held behind a failed one do not count: they
    /// wait for an operator, not for the map). Returns the maps that turned.
    /// </summary>
    public async Task<IReadOnlyList<string>> FinishCatchUpAsync(IReadOnlyList<MapStatus> maps, IReadOnlyDictionary<string, long> blockedByEntitySet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(blockedByEntitySet);
        var turned = new List<string>();
        foreach (var status in maps.Where(m => m.State == MapRunState.CatchingUp))
        {
            var map = Find(status.Name)!;
            if (status.Backlog - blockedByEntitySet.GetValueOrDefault(map.FinOps.EntitySet) > 0)
            {
                continue;
            }

            if (await _store.ChangeMapStateAsync(map.Name, MapRunState.CatchingUp, MapRunState.Running, "caught up", cancellationToken).ConfigureAwait(false))
            {
                LogCaughtUp(map.Name);
                await _notifier.NotifyAsync(map.Name, MapRunState.Running, cancellationToken).ConfigureAwait(false);
                turned.Add(map.Name);
            }
        }

        return turned;
    }

    private async Task<MapOperationResult> ChangeAsync(string name, string? reason, string operation, CancellationToken cancellationToken)
    {
        var map = Find(name);
        if (map is null)
        {
            return MapOperationResult.Refused(MapProblemKind.UnknownMap, UnknownMapDetail(name));
        }

        var before = (await GetMapAsync(map.Name, cancellationToken).ConfigureAwait(false))!;
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        (MapRunState? Target, string? Refusal) next = (operation, before.State) switch
        {
            ("start", MapRunState.NotRunning) => (MapRunState.Running, null),
            ("start", MapRunState.Paused) => (null, "is paused: resume it instead of starting it"),
            ("start", _) => (null, null),
            ("pause", MapRunState.NotRunning) => (null, "is stopped: start it before pausing it"),
            ("pause", MapRunState.Paused) => (null, null),
            ("pause", _) => (MapRunState.Paused, null),
            ("resume", MapRunState.Paused) => (MapRunState.CatchingUp, null),
            ("resume", MapRunState.NotRunning) => (null, "is stopped: start it instead of resuming it"),
            ("resume", _) => (null, null),
            ("stop", MapRunState.NotRunning) => (null, null),
            ("stop", _) => (MapRunState.NotRunning, null),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a map operation."),
        };

        if (next.Refusal is { } why)
        {
            return MapOperationResult.Refused(MapProblemKind.InvalidTransition, "Map '" + map.Name + "' " + why + ".");
        }

        if (next.Target is not { } state)
        {
            return MapOperationResult.Done(before);
        }

        await _store.SetMapStateAsync(map.Name, state, reason, cancellationToken).ConfigureAwait(false);
        if (state is MapRunState.CatchingUp or MapRunState.NotRunning)
        {
            // Parked events wake: a resumed map's apply in order, a stopped map's are dropped by the applier.
            await _inbox.WakeParkedAsync(InboxWaitKeys.MapResumed(map.Name), cancellationToken).ConfigureAwait(false);
        }

        LogStateChanged(map.Name, before.State, state, reason ?? "no reason given", before.Backlog);
        await _notifier.NotifyAsync(map.Name, state, cancellationToken).ConfigureAwait(false);
        return MapOperationResult.Done((await GetMapAsync(map.Name, cancellationToken).ConfigureAwait(false))!);
    }

    private TableMap? Find(string name) =>
        _catalog.Maps.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
        ?? _catalog.Maps.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    private static MapStatus Status(TableMap map, StoredMapState? stored, MapBacklog backlog, DateTimeOffset now)
    {
        var lag = backlog.OldestWaitingSince is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
        return new MapStatus(map.Name, stored?.State ?? MapRunState.Running, stored?.Reason, stored?.Since, backlog.Waiting, backlog.Failed, Math.Round(lag, 3));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Map '{Map}': {From} -> {To} ({Reason}); {Backlog} events waiting.")]
    private partial void LogStateChanged(string map, MapRunState from, MapRunState to, string reason, long backlog);

    [LoggerMessage(Level = LogLevel.Information, Message = "Map '{Map}' caught up with its backlog: Running.")]
    private partial void LogCaughtUp(string map);
}
