using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Checkpoints;

/// <summary>Initial sync checkpoints, one per map, direction and company, saved after each committed batch.</summary>
public interface ISyncCheckpointStore
{
    Task<SyncCheckpoint?> GetAsync(string map, SyncDirection direction, string company, CancellationToken cancellationToken);

    /// <summary>Every checkpoint, by map.</summary>
    Task<IReadOnlyList<SyncCheckpoint>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes the checkpoint over the stored one (<see cref="SyncCheckpoint.UpdatedAt"/> is set to now).</summary>
    Task SaveAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken);
}
