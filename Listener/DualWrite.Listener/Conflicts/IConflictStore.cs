using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Conflicts;

/// <summary>The queue of conflicts both sides changed, kept for manual review.</summary>
public interface IConflictStore
{
    Task<long> AddConflictAsync(NewConflict conflict, CancellationToken cancellationToken);

    /// <summary>Unresolved conflicts, oldest first.</summary>
    Task<IReadOnlyList<ConflictEntry>> GetOpenConflictsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>One conflict, open or resolved; null when no conflict has the id.</summary>
    Task<ConflictEntry?> GetConflictAsync(long conflictId, CancellationToken cancellationToken);

    /// <summary>Marks a conflict resolved. False if it does not exist or was resolved already.</summary>
    Task<bool> ResolveConflictAsync(long conflictId, string resolution, CancellationToken cancellationToken);
}
