using System.Collections.Generic;
using System.Threading;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// One committed state and the rows the commit that produced it wrote, linked to the next commit. An open
/// transaction keeps the version it last caught up with and replays the later commits' rows onto its own view,
/// so catching up costs what others wrote, not what it wrote itself.
/// </summary>
internal sealed class StoreVersion
{
    private StoreVersion? _next;

    public StoreVersion(StoreState state, IReadOnlyList<RowWrite> changes)
    {
        State = state;
        Changes = changes;
    }

    public StoreState State { get; }

    /// <summary>The rows the commit that produced <see cref="State"/> wrote, with their committed values.</summary>
    public IReadOnlyList<RowWrite> Changes { get; }

    /// <summary>The commit after this one; null while this is the newest.</summary>
    public StoreVersion? Next => Volatile.Read(ref _next);

    internal void Link(StoreVersion next) => Volatile.Write(ref _next, next);
}
