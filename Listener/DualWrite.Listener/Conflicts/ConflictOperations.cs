using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Applying;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Conflicts;

/// <summary>
/// Conflicts held for a person, the same from the admin API and the CLI: list, show, resolve taking F&amp;O's values,
/// Dataverse's, or both sides' changes merged. <paramref name="writer"/> is null where no service is configured (the CLI
/// reading the store): listing and showing still work, resolving says what is missing.
/// </summary>
public sealed partial class ConflictOperations(IConflictStore store, MapCatalog catalog, ConflictWriter? writer, ILogger<ConflictOperations> logger)
{
    public const int DefaultLimit = 100;

    public async Task<OperationResult<IReadOnlyList<ConflictView>>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        if (limit < 1)
        {
            return OperationResult<IReadOnlyList<ConflictView>>.Fail(OperationProblemKind.BadRequest, "limit must be at least 1 (is " + limit.ToString(CultureInfo.InvariantCulture) + ").");
        }

        var open = await store.GetOpenConflictsAsync(limit, cancellationToken).ConfigureAwait(false);
        return OperationResult<IReadOnlyList<ConflictView>>.Success(open.Select(ConflictView.From).ToList());
    }

    public async Task<OperationResult<ConflictView>> ShowAsync(long id, CancellationToken cancellationToken)
    {
        var entry = await store.GetConflictAsync(id, cancellationToken).ConfigureAwait(false);
        return entry is null ? NotFound(id) : OperationResult<ConflictView>.Success(ConflictView.From(entry));
    }

    /// <summary>Writes the chosen values to the other side through the normal writers, then marks the conflict resolved.</summary>
    public async Task<OperationResult<ConflictView>> ResolveAsync(long id, ConflictTake take, CancellationToken cancellationToken)
    {
        var entry = await store.GetConflictAsync(id, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return NotFound(id);
        }

        var label = "Conflict " + id.ToString(CultureInfo.InvariantCulture) + " (map '" + entry.Conflict.MapName + "', key " + entry.Conflict.RecordKey + ")";
        if (entry.ResolvedAt is not null)
        {
            return OperationResult<ConflictView>.Fail(OperationProblemKind.Conflict, label + " was resolved already: " + entry.Resolution + ".");
        }

        var map = catalog.Maps.FirstOrDefault(m => string.Equals(m.Name, entry.Conflict.MapName, StringComparison.Ordinal));
        if (map is null)
        {
            return OperationResult<ConflictView>.Fail(OperationProblemKind.NotFound, label + ": no map is named '" + entry.Conflict.MapName + "' any more.");
        }

        if (writer is null)
        {
            return OperationResult<ConflictView>.Fail(OperationProblemKind.Failed, label + ": resolving writes to F&O and Dataverse, which are not configured here (DualWrite:FinOps, DualWrite:Dataverse); use --url to resolve through the running listener.");
        }

        var problem = await writer.ApplyAsync(map, entry, take, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            LogResolveFailed(logger, id, map.Name, entry.Conflict.RecordKey, problem);
            return OperationResult<ConflictView>.Fail(OperationProblemKind.Failed, label + ": " + problem);
        }

        var resolution = "take " + ConflictTakeNames.Name(take);
        await store.ResolveConflictAsync(id, resolution, cancellationToken).ConfigureAwait(false);
        LogResolved(logger, id, map.Name, entry.Conflict.RecordKey, resolution);
        return OperationResult<ConflictView>.Success(ConflictView.From((await store.GetConflictAsync(id, cancellationToken).ConfigureAwait(false))!));
    }

    private static OperationResult<ConflictView> NotFound(long id) =>
        OperationResult<ConflictView>.Fail(OperationProblemKind.NotFound, "No conflict has id " + id.ToString(CultureInfo.InvariantCulture) + ".");

    [LoggerMessage(Level = LogLevel.Information, Message = "Conflict {Id} (map '{Map}', key {Key}) resolved: {Resolution}.")]
    private static partial void LogResolved(ILogger logger, long id, string map, string key, string resolution);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conflict {Id} (map '{Map}', key {Key}) not resolved: {Problem}")]
    private static partial void LogResolveFailed(ILogger logger, long id, string map, string key, string problem);
}
