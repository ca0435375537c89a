using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.SyncState;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// Loads one map: reads the source side page by page after the checkpoint, maps each page (lookups in bulk),
/// cuts it into batches and keeps a bounded number of batches in the writer at once, so memory stays flat. After
/// each batch: the written records' last synced values (one transaction), every refused record in the error store
/// and the report, then the checkpoint's watermark. Rows waiting on a record of their own table, and rows a
/// transient failure kept out, get a second pass at the end of the map; their pages stay open until then, so a
/// resume never skips them.
/// </summary>
public sealed partial class MapLoader
{
    private readonly IMapSourceReader _reader;
    private readonly IBulkWriter _writer;
    private readonly InitialSyncRecordMapper _mapper;
    private readonly ISyncStateStore _syncState;
    private readonly IErrorQueue _errors;
    private readonly ISyncCheckpointStore _checkpoints;
    private readonly InitialSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MapLoader> _logger;

    public MapLoader(
        IMapSourceReader reader,
        IBulkWriter writer,
        InitialSyncRecordMapper mapper,
        ISyncStateStore syncState,
        IErrorQueue errors,
        ISyncCheckpointStore checkpoints,
        IOptions<InitialSyncOptions> options,
        TimeProvider timeProvider,
        ILogger<MapLoader> logger)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _mapper = mapper ?? throw new ArgumentNullException(nameof(mapper));
        _syncState = syncState ?? throw new ArgumentNullException(nameof(syncState));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
        _checkpoints = checkpoints ?? throw new ArgumentNullException(nameof(checkpoints));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    internal async Task<InitialSyncMapSummary> LoadAsync(MapLoadContext context, CancellationToken cancellationToken)
    {
        var map = context.Map;
        var progress = context.Progress;
        var watermark = new CheckpointWatermark(context.StartAfter);
        var started = _time.GetUtcNow();
        var checkpointGate = new SemaphoreSlim(1, 1);
        var held = new ConcurrentQueue<HeldRecord>();

        async Task SaveCheckpointAsync(CheckpointStatus status, CancellationToken token)
        {
            await checkpointGate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await _checkpoints.SaveAsync(
                    new SyncCheckpoint(map.Name, context.Direction, context.Company ?? string.Empty, context.RunId, status, watermark.Cursor?.ToJson(), progress.Read, progress.Written, progress.Failed, started, started),
                    token).ConfigureAwait(false);
            }
            finally
            {
                checkpointGate.Release();
            }
        }

        // The run's mark comes first, even when already cancelled: a resume must find it.
        await SaveCheckpointAsync(CheckpointStatus.Running, CancellationToken.None).ConfigureAwait(false);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The writers are as many as the batches allowed in flight (the pacer decides how many send at once); the
        // queue in front of them stays short, so mapped rows waiting for a writer do not grow with the ceiling.
        var batches = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(Math.Min(_options.BatchesInFlight, _options.BatchesQueued)) { SingleWriter = true });
        var writers = Enumerable.Range(0, _options.BatchesInFlight).Select(_ => Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(failFast.Token).ConfigureAwait(false))
                    {
                        await WriteBatchAsync(context, batch, watermark, held, failFast.Token).ConfigureAwait(false);
                        if (watermark.Settle(batch.Page))
                        {
                            await SaveCheckpointAsync(CheckpointStatus.Running, failFast.Token).ConfigureAwait(false);
                        }
                    }
                }
                catch
                {
                    // One writer failing stops the map: the others and the reader stop at their next step.
                    await failFast.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            CancellationToken.None)).ToList();

        string? problem = null;
        var status = InitialSyncMapStatus.Completed;
        try
        {
            try
            {
                await ReadAsync(context, watermark, batches.Writer, held, failFast.Token).ConfigureAwait(false);
            }
            finally
            {
                batches.Writer.TryComplete();
            }

            await Task.WhenAll(writers).ConfigureAwait(false);
            await SecondPassAsync(context, watermark, held, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = InitialSyncMapStatus.Interrupted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || failFast.IsCancellationRequested)
        {
            // The writers' own exception says more than the reader's cancellation it caused.
            var cause = writers.Where(w => w.IsFaulted).Select(w => w.Exception!.GetBaseException()).FirstOrDefault() ?? ex;
            if (cancellationToken.IsCancellationRequested)
            {
                status = InitialSyncMapStatus.Interrupted;
            }
            else
            {
                status = InitialSyncMapStatus.Failed;
                problem = cause.Message;
                LogMapFailed(cause, map.Name, cause.Message);
            }
        }

        // Let every writer end before the final checkpoint, whatever stopped the map.
        await Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default))).ConfigureAwait(false);
        progress.Finish();
        await SaveCheckpointAsync(status == InitialSyncMapStatus.Completed ? CheckpointStatus.Completed : status == InitialSyncMapStatus.Failed ? CheckpointStatus.Failed : CheckpointStatus.Running, CancellationToken.None).ConfigureAwait(false);
        checkpointGate.Dispose();
        var summary = new InitialSyncMapSummary(map.Name, context.Wave, context.Direction, status, progress.Read, progress.Written, progress.Skipped, progress.Failed, progress.Elapsed, context.Resumed, problem);
        LogMapDone(map.Name, context.Wave, status, summary.Read, summary.Written, summary.Skipped, summary.Failed, summary.Elapsed.TotalSeconds, summary.RowsPerSecond);
        return summary;
    }

    private async Task ReadAsync(MapLoadContext context, CheckpointWatermark watermark, ChannelWriter<PendingBatch> batches, ConcurrentQueue<HeldRecord> held, CancellationToken cancellationToken)
    {
        var map = context.Map;
        var side = context.Direction == SyncDirection.FinOpsToDataverse ? SyncSide.FinOps : SyncSide.Dataverse;
        var pageSize = side == SyncSide.FinOps ? _options.FinOpsPageSize : _options.DataversePageSize;
        var request = new SourceReadRequest(map, side, context.Company, context.StartAfter, pageSize);
        context.Progress.Expected = await CountAsync(request, cancellationToken).ConfigureAwait(false);

        // The next page is read while this one maps: the source's answer time hides behind the mapping.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<SourcePage>(new BoundedChannelOptions(_options.PagesAhead) { SingleWriter = true, SingleReader = true });
        var reading = Task.Run(() => ReadPagesAsync(request, pages.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                context.Progress.AddRead(page.Rows.Count);
                var mapStarted = Stopwatch.GetTimestamp();
                var mapped = await MapInParallelAsync(map, context.Direction, page.Rows, stop.Token).ConfigureAwait(false);
                var mapMilliseconds = Stopwatch.GetElapsedTime(mapStarted).TotalMilliseconds;
                await ReleaseAsync(context, watermark, batches, held, page, mapped, mapMilliseconds, stop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            // Whatever ended the mapping ends the reading; its own failure is the one to report.
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
        }

        if (reading.IsFaulted)
        {
            throw reading.Exception!.GetBaseException();
        }
    }

    private async Task ReadPagesAsync(SourceReadRequest request, ChannelWriter<SourcePage> pages, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in _reader.ReadAsync(request, cancellationToken).ConfigureAwait(false))
            {
                await pages.WriteAsync(page, cancellationToken).ConfigureAwait(false);
            }

            pages.TryComplete();
        }
        catch (Exception ex)
        {
            pages.TryComplete(ex);
            throw;
        }
    }

    /// <summary>
    /// Maps a page in slices side by side (mapping is CPU work, one core per slice), each slice sharing its
    /// lookup answers; the records come back in the page's order.
    /// </summary>
    private async Task<IReadOnlyList<MappedRecord>> MapInParallelAsync(TableMap map, SyncDirection direction, IReadOnlyList<JsonObject> rows, CancellationToken cancellationToken)
    {
        var workers = Math.Max(1, _options.MappingParallelism);
        if (workers == 1 || rows.Count <= _options.MappingSliceSize)
        {
            return await _mapper.MapPageAsync(map, direction, rows, cancellationToken).ConfigureAwait(false);
        }

        var slices = new List<List<JsonObject>>();
        for (var start = 0; start < rows.Count; start += _options.MappingSliceSize)
        {
            slices.Add(rows.Skip(start).Take(_options.MappingSliceSize).ToList());
        }

        var results = new IReadOnlyList<MappedRecord>[slices.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, slices.Count),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await _mapper.MapPageAsync(map, direction, slices[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        var all = new List<MappedRecord>(rows.Count);
        foreach (var result in results)
        {
            all.AddRange(result);
        }

        return all;
    }

    /// <summary>Sorts a mapped page, reports what the mapping refused, and hands its batches to the writers in order.</summary>
    private async Task ReleaseAsync(
        MapLoadContext context, CheckpointWatermark watermark, ChannelWriter<PendingBatch> batches, ConcurrentQueue<HeldRecord> held, SourcePage page, IReadOnlyList<MappedRecord> mapped, double mapMilliseconds, CancellationToken cancellationToken)
    {
        var ready = new List<MappedRecord>(mapped.Count);
        List<MappedRecord>? failed = null;
        List<MappedRecord>? waiting = null;
        foreach (var record in mapped)
        {
            switch (record.Kind)
            {
                case MappedRecordKind.Ready:
                    ready.Add(record);
                    break;
                case MappedRecordKind.Filtered:
                    context.Progress.AddSkipped(1);
                    break;
                case MappedRecordKind.Waiting:
                    (waiting ??= new List<MappedRecord>()).Add(record);
                    break;
                default:
                    (failed ??= new List<MappedRecord>()).Add(record);
                    break;
            }
        }

        // Refused by the mapping: reported before the page can count as committed.
        if (failed is not null)
        {
            await RecordErrorsAsync(context, failed.ConvertAll(f => Error(context, f.SourceKey, f.Field, f.Reason!, 0)), cancellationToken).ConfigureAwait(false);
        }

        var chunks = ready.Chunk(_options.BatchSize).ToList();
        var pageNumber = watermark.AddPage(page.Last, chunks.Count + (waiting is not null ? 1 : 0));
        foreach (var record in waiting ?? Enumerable.Empty<MappedRecord>())
        {
            held.Enqueue(new HeldRecord(pageNumber, record));
        }

        if (chunks.Count == 0)
        {
            watermark.Advance();
        }

        foreach (var chunk in chunks)
        {
            await batches.WriteAsync(new PendingBatch(pageNumber, chunk), cancellationToken).ConfigureAwait(false);
        }

        LogPageRead(context.Map.Name, page.Rows.Count, ready.Count, waiting?.Count ?? 0, failed?.Count ?? 0, mapMilliseconds);
    }

    /// <summary>The rows left to read (for the ETA); a count the service refuses is no reason to stop.</summary>
    private async Task<long?> CountAsync(SourceReadRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.CountAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCountFailed(request.Map.Name, ex.Message);
            return null;
        }
    }

    /// <summary>Writes one batch and records what came of each record; transient refusals are held for the second pass.</summary>
    private async Task WriteBatchAsync(MapLoadContext context, PendingBatch batch, CheckpointWatermark watermark, ConcurrentQueue<HeldRecord> held, CancellationToken cancellationToken)
    {
        var byItem = new Dictionary<BulkItem, MappedRecord>(ReferenceEqualityComparer.Instance);
        foreach (var record in batch.Records)
        {
            byItem[record.Item!] = record;
        }

        var result = await _writer.WriteAsync(context.Map, context.Direction, batch.Records.Select(r => r.Item!).ToList(), cancellationToken).ConfigureAwait(false);
        await SaveSyncedAsync(result.Written.Select(item => byItem[item]).ToList(), cancellationToken).ConfigureAwait(false);
        var errors = new List<RecordError>();
        var transient = 0;
        foreach (var failure in result.Failed)
        {
            if (failure.Transient && byItem.TryGetValue(failure.Item, out var record))
            {
                transient++;
                held.Enqueue(new HeldRecord(batch.Page, record));
            }
            else
            {
                errors.Add(Error(context, failure.Item.SourceKey, failure.Field, failure.Reason, failure.StatusCode));
            }
        }

        if (transient > 0)
        {
            // The page stays open until the second pass has written or reported them.
            watermark.Owe(batch.Page, transient);
        }

        await RecordErrorsAsync(context, errors, cancellationToken).ConfigureAwait(false);
        context.Progress.AddWritten(result.Written.Count);
        LogBatchWritten(context.Map.Name, batch.Records.Count, result.Written.Count, errors.Count, transient);
    }

    /// <summary>
    /// The rows held back: parents of the same table are written now, so most map; what still waits, and what the
    /// target still refuses, is reported. Then their pages are settled and the watermark reaches the end.
    /// </summary>
    private async Task SecondPassAsync(MapLoadContext context, CheckpointWatermark watermark, ConcurrentQueue<HeldRecord> held, CancellationToken cancellationToken)
    {
        var all = held.ToList();
        if (all.Count == 0)
        {
            return;
        }

        LogSecondPass(context.Map.Name, all.Count);

        // Rows that waited are mapped again (their parents are written now); items a transient failure kept out are sent as they were.
        var retried = all.Where(h => h.Record.Kind == MappedRecordKind.Ready).Select(h => h.Record).ToList();
        var waiting = all.Where(h => h.Record.Kind == MappedRecordKind.Waiting).Select(h => h.Record.Row!).ToList();
        foreach (var chunk in waiting.Chunk(_options.BatchSize))
        {
            var again = await _mapper.MapPageAsync(context.Map, context.Direction, chunk, cancellationToken).ConfigureAwait(false);
            var errors = new List<RecordError>();
            var ready = new List<MappedRecord>();
            foreach (var record in again)
            {
                switch (record.Kind)
                {
                    case MappedRecordKind.Ready:
                        ready.Add(record);
                        break;
                    case MappedRecordKind.Filtered:
                        context.Progress.AddSkipped(1);
                        break;
                    case MappedRecordKind.Waiting:
                        errors.Add(Error(context, record.SourceKey, record.Field, record.Reason + " Still missing after the map's second pass.", 0));
                        break;
                    default:
                        errors.Add(Error(context, record.SourceKey, record.Field, record.Reason!, 0));
                        break;
                }
            }

            await WriteOnceAsync(context, ready, errors, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in retried.Chunk(_options.BatchSize))
        {
            await WriteOnceAsync(context, chunk, new List<RecordError>(), cancellationToken).ConfigureAwait(false);
        }

        // Every held row of a page is settled: each page owed one for its waiting rows, one more per transient batch.
        foreach (var page in all.GroupBy(h => h.Page))
        {
            watermark.Settle(page.Key, OwedFor(page));
        }
    }

    /// <summary>The second pass's write: whatever the target still refuses, transient or not, is reported now.</summary>
    private async Task WriteOnceAsync(MapLoadContext context, IReadOnlyList<MappedRecord> ready, List<RecordError> errors, CancellationToken cancellationToken)
    {
        if (ready.Count > 0)
        {
            var byItem = new Dictionary<BulkItem, MappedRecord>(ReferenceEqualityComparer.Instance);
            foreach (var record in ready)
            {
                byItem[record.Item!] = record;
            }

            var result = await _writer.WriteAsync(context.Map, context.Direction, ready.Select(r => r.Item!).ToList(), cancellationToken).ConfigureAwait(false);
            await SaveSyncedAsync(result.Written.Select(item => byItem[item]).ToList(), cancellationToken).ConfigureAwait(false);
            errors.AddRange(result.Failed.Select(f => Error(context, f.Item.SourceKey, f.Field, f.Reason, f.StatusCode)));
            context.Progress.AddWritten(result.Written.Count);
        }

        await RecordErrorsAsync(context, errors, cancellationToken).ConfigureAwait(false);
    }

    // A page owes one for all its waiting rows (added when read) and one per transient refusal (added when refused).
    private static int OwedFor(IEnumerable<HeldRecord> rows) =>
        (rows.Any(r => r.Record.Kind == MappedRecordKind.Waiting) ? 1 : 0) + rows.Count(r => r.Record.Kind == MappedRecordKind.Ready);

    /// <summary>The written records' last synced values, merged into what the store held, in one transaction.</summary>
    private async Task SaveSyncedAsync(IReadOnlyList<MappedRecord> written, CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        var stored = (await _syncState.GetSyncedRecordsAsync(written.Select(r => r.Item!.RecordKey).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.RecordKey, StringComparer.Ordinal);
        var saves = new Dictionary<string, SyncedRecordWrite>(StringComparer.Ordinal);
        foreach (var record in written)
        {
            var key = record.Item!.RecordKey;
            var values = SyncedValues.Read(stored.TryGetValue(key, out var old) ? old.FieldsJson : null);
            foreach (var (column, value) in record.SyncedValues!)
            {
                values[column] = value;
            }

            saves[key] = new SyncedRecordWrite(key, SyncedValues.Write(values));
        }

        await _syncState.SaveSyncedRecordsAsync(saves.Values.ToList(), cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordErrorsAsync(MapLoadContext context, IReadOnlyList<RecordError> errors, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            return;
        }

        await _errors.AddRecordErrorsAsync(errors, cancellationToken).ConfigureAwait(false);
        context.Report?.Add(errors);
        context.Progress.AddFailed(errors.Count);
        foreach (var error in errors)
        {
            LogRecordFailed(error.Map, error.RecordKey, error.Field, error.Reason);
        }
    }

    private RecordError Error(MapLoadContext context, string key, string? field, string reason, int status) =>
        new(context.RunId, context.Map.Name, context.Direction.ToString(), key, field, reason, status, _time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Initial sync, wave {Wave}, map '{Map}': {Status}; {Read} read, {Written} written, {Skipped} outside the filter, {Failed} failed in {Seconds:0.0} s ({Rate:0} rows/s)")]
    private partial void LogMapDone(string map, int wave, InitialSyncMapStatus status, long read, long written, long skipped, long failed, double seconds, double rate);

    [LoggerMessage(Level = LogLevel.Error, Message = "Initial sync of map '{Map}' stopped: {Reason}")]
    private partial void LogMapFailed(Exception exception, string map, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Initial sync, map '{Map}': second pass over {Count} row(s) that waited for a record of their own table or a transient failure")]
    private partial void LogSecondPass(string map, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Initial sync, map '{Map}': the source would not count its rows ({Reason}); no ETA")]
    private partial void LogCountFailed(string map, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Initial sync, map '{Map}': page of {Rows} row(s), {Ready} to write, {Waiting} waiting, {Failed} refused by the mapping (mapped in {MapMilliseconds:0} ms)")]
    private partial void LogPageRead(string map, int rows, int ready, int waiting, int failed, double mapMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Initial sync, map '{Map}': batch of {Count}, {Written} written, {Failed} refused, {Transient} held after a transient failure")]
    private partial void LogBatchWritten(string map, int count, int written, int failed, int transient);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Initial sync, map '{Map}', key {Key}: not written ({Field}): {Reason}")]
    private partial void LogRecordFailed(string map, string key, string? field, string reason);
}
