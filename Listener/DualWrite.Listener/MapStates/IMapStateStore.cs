using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// The maps' run states. The applier parks the events of a paused or loading map until it is resumed and finished
/// loading, so live changes land after the bulk data, in order; it drops those of a stopped map. Operators change
/// states through <see cref="MapOperations"/>, which calls this store and tells the observers.
/// </summary>
public interface IMapStateStore
{
    /// <summary>Pauses a map (idempotent: a paused map keeps its reason and time).</summary>
    Task PauseMapAsync(string mapName, string? reason, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a paused map into <see cref="MapRunState.CatchingUp"/> and wakes the events parked on
    /// <see cref="Inbox.InboxWaitKeys.MapResumed"/>; returns how many woke.
    /// </summary>
    Task<int> ResumeMapAsync(string mapName, CancellationToken cancellationToken);

    /// <summary>Records a state with its reason, now (any state; a loading mark stays until its run finishes).</summary>
    Task SetMapStateAsync(string mapName, MapRunState state, string? reason, CancellationToken cancellationToken);

    /// <summary>
    /// Sets <paramref name="to"/> only if the stored state is still <paramref name="from"/> (Running: no row), so a
    /// background change never overwrites an operator's. True when it changed.
    /// </summary>
    Task<bool> ChangeMapStateAsync(string mapName, MapRunState from, MapRunState to, string? reason, CancellationToken cancellationToken);

    /// <summary>Every map with a stored state or a loading mark, with its effective state, in name order.</summary>
    Task<IReadOnlyList<StoredMapState>> GetMapStatesAsync(CancellationToken cancellationToken);

    /// <summary>The maps whose events do not apply now: paused, loading and stopped (<see cref="PausedMap.Stopped"/>), each once.</summary>
    Task<IReadOnlyList<PausedMap>> GetPausedMapsAsync(CancellationToken cancellationToken);

    /// <summary>Marks a map as loading by initial sync run <paramref name="runId"/> (idempotent; a later run takes it over).</summary>
    Task StartLoadingAsync(string mapName, string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Clears a map's loading mark; unless an operator paused or stopped it meanwhile, the map goes to
    /// <see cref="MapRunState.CatchingUp"/> and its parked events wake.
    /// </summary>
    Task<int> FinishLoadingAsync(string mapName, CancellationToken cancellationToken);
}
