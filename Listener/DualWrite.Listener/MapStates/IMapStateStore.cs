using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// Which maps are paused, or loading (an initial sync is writing them): the applier parks such a map's events
/// until it is resumed and finished loading, so live changes land after the bulk data, in order.
/// </summary>
public interface IMapStateStore
{
    /// <summary>Sets a map's pause flag (idempotent).</summary>
    Task PauseMapAsync(string mapName, string? reason, CancellationToken cancellationToken);

    /// <summary>Clears a map's pause flag and wakes events parked on <see cref="Inbox.InboxWaitKeys.MapResumed"/>.</summary>
    Task<int> ResumeMapAsync(string mapName, CancellationToken cancellationToken);

    /// <summary>The maps whose events wait: those paused and those loading (reason "initial sync ..."), each once.</summary>
    Task<IReadOnlyList<PausedMap>> GetPausedMapsAsync(CancellationToken cancellationToken);

    /// <summary>Marks a map as loading by initial sync run <paramref name="runId"/> (idempotent; a later run takes it over).</summary>
    Task StartLoadingAsync(string mapName, string runId, CancellationToken cancellationToken);

    /// <summary>Clears a map's loading mark and wakes its parked events (they park again if the map is also paused).</summary>
    Task<int> FinishLoadingAsync(string mapName, CancellationToken cancellationToken);
}
