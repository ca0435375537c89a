using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// Tells the <see cref="IMapStateObserver"/>s about a map's state when it differs from what they were last told, so a
/// change made here, by another instance or by a command on the store reaches them once.
/// </summary>
public sealed partial class MapStateNotifier(IEnumerable<IMapStateObserver> observers, ILogger<MapStateNotifier> logger)
{
    private readonly IReadOnlyList<IMapStateObserver> _observers = [.. observers];
    private readonly ConcurrentDictionary<string, MapRunState> _announced = new(StringComparer.Ordinal);

    // One announcement at a time, so observers see a map's states in the order they happened.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Calls every observer unless they were already told this state; an observer's failure is logged.</summary>
    public async Task NotifyAsync(string mapName, MapRunState state, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_announced.TryGetValue(mapName, out var known) && known == state)
            {
                return;
            }

            _announced[mapName] = state;
            foreach (var observer in _observers)
            {
                try
                {
                    await observer.OnMapStateChangedAsync(mapName, state, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogObserverFailed(ex, observer.GetType().Name, mapName, state);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map state observer {Observer} failed on map '{Map}' turning {State}.")]
    private partial void LogObserverFailed(Exception exception, string observer, string map, MapRunState state);
}
