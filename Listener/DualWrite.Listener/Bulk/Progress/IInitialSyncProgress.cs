using System;

namespace DualWrite.Listener.Bulk.Progress;

/// <summary>Shows a run's maps as they load; the engine hands it each map's counters when the map starts.</summary>
public interface IInitialSyncProgress : IAsyncDisposable
{
    void Track(MapProgress map);
}
