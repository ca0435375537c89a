using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.MapStates;

namespace DualWrite.Listener.Commands;

/// <summary>Where a maps command acts: the configured state store directly, or a running listener's admin API.</summary>
internal interface IMapsBackend : IAsyncDisposable
{
    Task<IReadOnlyList<MapStatus>> GetMapsAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="operation"/> (start, pause, resume, stop) on <paramref name="map"/>.</summary>
    Task<MapOperationResult> ChangeAsync(string operation, string map, string? reason, CancellationToken cancellationToken);
}
