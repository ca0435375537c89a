using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.MapStates;

/// <summary>Which maps are paused: the applier parks a paused map's events until it is resumed.</summary>
public interface IMapStateStore
{
    /// <summary>Sets a map's pause flag (idempotent).</summary>
    Task PauseMapAsync(string mapName, string? reason, CancellationToken cancellationToken);

    /// <summary>Clears a map's pause flag and wakes events parked on <see cref="Inbox.InboxWaitKeys.MapResumed"/>.</summary>
    Task<int> ResumeMapAsync(string mapName, CancellationToken cancellationToken);

    Task<IReadOnlyList<PausedMap>> GetPausedMapsAsync(CancellationToken cancellationToken);
}
