using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Clients.OData;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// Writes a map's items in batches to the target side: Dataverse through <see cref="DataverseBulkChannel"/>,
/// F&amp;O through <see cref="FinOpsBulkChannel"/>, each paced by its own <see cref="TargetPacer"/> shared by
/// every call (so concurrent callers share one ceiling per target). A batch refused as a whole for a reason
/// that is not transient is split in halves and retried, down to single items, so every good item lands and
/// every bad one gets its own error. A transient failure (after the resilience pipeline's retries) is never
/// split: its items come back marked transient, to be sent again later unchanged.
/// </summary>
public sealed partial class BulkWriter : IBulkWriter
{
    private readonly IBulkTargetChannel dataverse;
    private readonly IBulkTargetChannel finOps;
    private readonly ILogger<BulkWriter> logger;

    public BulkWriter(IBulkTargetChannel dataverse, TargetPacer dataversePacer, IBulkTargetChannel finOps, TargetPacer finOpsPacer, ILogger<BulkWriter> logger)
    {
        this.dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        this.finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        DataversePacer = dataversePacer ?? throw new ArgumentNullException(nameof(dataversePacer));
        FinOpsPacer = finOpsPacer ?? throw new ArgumentNullException(nameof(finOpsPacer));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Dataverse's pacing: its <see cref="TargetPacer.Limit"/> is the concurrency a progress display shows.</summary>
    public TargetPacer DataversePacer { get; }

    public TargetPacer FinOpsPacer { get; }

    /// <summary>The pacer of the side <paramref name="direction"/> writes to.</summary>
    public TargetPacer PacerFor(SyncDirection direction) => direction == SyncDirection.FinOpsToDataverse ? DataversePacer : FinOpsPacer;

    public async Task<BulkWriteResult> WriteAsync(TableMap map, SyncDirection direction, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new BulkWriteResult(Array.Empty<BulkItem>(), Array.Empty<BulkItemError>());
        }

        var channel = direction == SyncDirection.FinOpsToDataverse ? dataverse : finOps;
        var pacer = PacerFor(direction);
        var (unique, superseded) = LastPerTarget(items);
        var failures = new ConcurrentDictionary<BulkItem, BulkItemError>(ReferenceEqualityComparer.Instance);
        var run = new BatchRun(map, channel, pacer, failures);

        // Creates and upserts go in separate calls (different actions); each group in batches of the channel's size.
        var batches = unique.Where(item => item.TargetPath is not null).Chunk(channel.BatchSize)
            .Concat(unique.Where(item => item.TargetPath is null).Chunk(channel.BatchSize));
        await Task.WhenAll(batches.Select(batch => WriteBatchAsync(run, batch, cancellationToken))).ConfigureAwait(false);

        // An item superseded by a later one for the same record shares that one's fate.
        foreach (var (earlier, later) in superseded)
        {
            if (failures.TryGetValue(later, out var error))
            {
                failures[earlier] = error with { Item = earlier };
            }
        }

        var written = new List<BulkItem>(items.Count - failures.Count);
        var failed = new List<BulkItemError>(failures.Count);
        foreach (var item in items)
        {
            if (failures.TryGetValue(item, out var error))
            {
                failed.Add(error);
            }
            else
            {
                written.Add(item);
            }
        }

        return new BulkWriteResult(written, failed);
    }

    private async Task WriteBatchAsync(BatchRun run, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken)
    {
        BatchAnswer answer;
        using (var paced = await run.Pacer.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            answer = await SendAsync(run, items, cancellationToken).ConfigureAwait(false);
            var worst = answer.Refusal ?? answer.ItemErrors?.FirstOrDefault(error => error is { IsTransient: true });
            paced.Complete(items.Count, answered: worst is not { StatusCode: 0 }, throttled: worst is { StatusCode: HttpStatusCode.TooManyRequests });
        }

        if (answer.ItemErrors is { } itemErrors)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (itemErrors[i] is { } error)
                {
                    Fail(run, items[i], error);
                }
            }

            return;
        }

        if (answer.Refusal is not { } refusal)
        {
            LogBatchWritten(run.Map.Name, items.Count);
            return;
        }

        if (refusal.IsTransient || items.Count == 1 || !Splittable(refusal))
        {
            foreach (var item in items)
            {
                Fail(run, item, refusal);
            }

            return;
        }

        LogSplitting(run.Map.Name, items.Count, refusal.Message);
        var half = items.Count / 2;
        await Task.WhenAll(
            WriteBatchAsync(run, items.Take(half).ToArray(), cancellationToken),
            WriteBatchAsync(run, items.Skip(half).ToArray(), cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<BatchAnswer> SendAsync(BatchRun run, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken)
    {
        try
        {
            return await run.Channel.SendAsync(run.Map, items, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            // The host's circuit is open: nothing was sent; worth sending again once it closes.
            return BatchAnswer.Refused(new ODataError(HttpStatusCode.ServiceUnavailable, null, "the target's circuit is open: " + ex.Message, ex.RetryAfter, run.Channel.GetType().Name, "bulk write"));
        }
        catch (ExecutionRejectedException ex)
        {
            // No answer in time (the attempt timeout): the batch may or may not have landed; an upsert by key is safe to send again.
            return BatchAnswer.Refused(new ODataError(0, null, "no answer in time: " + ex.Message, null, run.Channel.GetType().Name, "bulk write"));
        }
    }

    /// <summary>Refusals about the caller, not the records (no access, no such action): splitting cannot help.</summary>
    private static bool Splittable(ODataError refusal) =>
        refusal.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed);

    private void Fail(BatchRun run, BulkItem item, ODataError error)
    {
        var transient = error.IsTransient;
        run.Failures[item] = new BulkItemError(item, error.Message, transient ? null : RefusalField.Of(error.Message), (int)error.StatusCode, transient);
        LogItemFailed(run.Map.Name, item.SourceKey, (int)error.StatusCode, error.Message);
    }

    /// <summary>Two items for one target path in one call would race (their batches run at once): the last one wins, as in order.</summary>
    private static (List<BulkItem> Unique, List<(BulkItem Earlier, BulkItem Later)> Superseded) LastPerTarget(IReadOnlyList<BulkItem> items)
    {
        var last = new Dictionary<string, BulkItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.TargetPath is not null)
            {
                last[item.TargetPath] = item;
            }
        }

        var unique = new List<BulkItem>(items.Count);
        var superseded = new List<(BulkItem, BulkItem)>();
        foreach (var item in items)
        {
            if (item.TargetPath is not null && !ReferenceEquals(last[item.TargetPath], item))
            {
                superseded.Add((item, last[item.TargetPath]));
            }
            else
            {
                unique.Add(item);
            }
        }

        return (unique, superseded);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}': {Count} records written in one batch")]
    private partial void LogBatchWritten(string map, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}': a batch of {Count} was refused ({Reason}); splitting it to find the records at fault")]
    private partial void LogSplitting(string map, int count, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}', key {Key}: not written ({Status}): {Reason}")]
    private partial void LogItemFailed(string map, string key, int status, string reason);

    private sealed record BatchRun(TableMap Map, IBulkTargetChannel Channel, TargetPacer Pacer, ConcurrentDictionary<BulkItem, BulkItemError> Failures);
}
