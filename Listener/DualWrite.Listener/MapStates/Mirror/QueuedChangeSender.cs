using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Pausing;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.MapStates.Mirror;

/// <summary>
/// Sends the saves the plug-in queued while a map was paused (<see cref="QueuedChangeTable"/>) to F&amp;O, oldest first,
/// once the map runs again, and deletes each one F&amp;O took; then tells the plug-in the queue is empty. A change F&amp;O
/// refuses stays queued with F&amp;O's reason and holds back the later changes of the same record (their order
/// matters); other records go on. F&amp;O being down stops the pass until the retry delay.
/// </summary>
public sealed partial class QueuedChangeSender : BackgroundService
{
    private readonly QueuedChangeTables _tables;
    private readonly FinOpsClient _finOps;
    private readonly MapCatalog _catalog;
    private readonly IOptions<QueuedChangeOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QueuedChangeSender> _logger;
    private readonly InboxSignal _wake = new();

    public QueuedChangeSender(QueuedChangeTables tables, FinOpsClient finOps, MapCatalog catalog, IOptions<QueuedChangeOptions> options, TimeProvider time, ILogger<QueuedChangeSender> logger)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>A map turned live again: look for its queued changes now rather than at the next poll.</summary>
    public void Wake() => _wake.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = _options.Value;
        if (!options.Enabled)
        {
            LogDisabled();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            _wake.Reset();
            bool finished;
            try
            {
                finished = await SendAllAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex);
                finished = false;
            }

            try
            {
                await _wake.WaitAsync(finished ? options.PollInterval : options.RetryDelay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every live map with queued changes; false when something is left to retry.</summary>
    public async Task<bool> SendAllAsync(CancellationToken cancellationToken)
    {
        var maps = await _tables.MapsWithQueuedChangesAsync(cancellationToken).ConfigureAwait(false);
        if (!maps.Succeeded)
        {
            LogDataverseFailed("find the maps with queued changes", maps.Error.ToString());
            return false;
        }

        var finished = true;
        foreach (var (map, state) in maps.Value!)
        {
            // A paused map keeps queuing; a stopped one keeps its queue until it is started again.
            if (state is MapStateNames.Paused or MapStateNames.NotRunning)
            {
                continue;
            }

            finished &= await SendMapAsync(map, cancellationToken).ConfigureAwait(false);
        }

        return finished;
    }

    /// <summary>Sends a map's queue in order; true when it is empty and the plug-in has been told.</summary>
    private async Task<bool> SendMapAsync(string map, CancellationToken cancellationToken)
    {
        var pageSize = _options.Value.PageSize;
        var held = new HashSet<string>(StringComparer.Ordinal);
        var sent = 0;
        var flagCleared = false;
        while (true)
        {
            var page = await _tables.OldestAsync(map, pageSize, cancellationToken).ConfigureAwait(false);
            if (!page.Succeeded)
            {
                LogDataverseFailed("read the queued changes of map '" + map + "'", page.Error.ToString());
                return false;
            }

            if (page.Value!.Count == 0)
            {
                if (flagCleared)
                {
                    LogQueueSent(map, sent);
                    return true;
                }

                var cleared = await _tables.ClearQueuedFlagAsync(map, cancellationToken).ConfigureAwait(false);
                if (!cleared.Succeeded)
                {
                    LogDataverseFailed("tell the plug-in map '" + map + "' has nothing queued", cleared.Error.ToString());
                    return false;
                }

                // A save that read the flag still set may have queued while we looked: read once more and send it.
                flagCleared = true;
                continue;
            }

            var progress = false;
            foreach (var change in page.Value)
            {
                if (held.Contains(change.FinOpsRecord))
                {
                    continue;
                }

                var error = await SendAsync(change, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    var deleted = await _tables.DeleteAsync(change.Id, cancellationToken).ConfigureAwait(false);
                    if (!deleted.Succeeded)
                    {
                        // Sending it again later is harmless (a create becomes an update, a delete finds nothing).
                        LogDataverseFailed("remove the sent change " + change, deleted.Error.ToString());
                        return false;
                    }

                    LogSent(map, change.ToString());
                    sent++;
                    progress = true;
                    continue;
                }

                if (error.IsTransient)
                {
                    LogFinOpsUnavailable(map, change.ToString(), error.ToString());
                    return false;
                }

                held.Add(change.FinOpsRecord);
                LogRefused(map, change.ToString(), change.Attempts + 1, error.Message);
                await _tables.RecordRefusalAsync(change, error.Message, cancellationToken).ConfigureAwait(false);
            }

            if (!progress)
            {
                // Everything left waits behind a refused change: keep it queued (the plug-in keeps queuing behind it).
                if (sent > 0)
                {
                    LogQueueSent(map, sent);
                }

                return false;
            }
        }
    }

    /// <summary>The queued request, as the plug-in would have sent it; null when F&amp;O took it.</summary>
    private async Task<ODataError?> SendAsync(QueuedChange change, CancellationToken cancellationToken)
    {
        var body = change.Body is null ? new JsonObject() : JsonNode.Parse(change.Body) as JsonObject ?? new JsonObject();
        switch (change.Operation)
        {
            case "POST":
                // Sent before and its row not removed (a crash between the two)? Then the record exists: update it instead.
                var existing = await _finOps.GetAsync(change.FinOpsRecord, null, cancellationToken).ConfigureAwait(false);
                if (!existing.Succeeded)
                {
                    return existing.Error;
                }

                if (existing.Value is null)
                {
                    var created = await _finOps.CreateAsync(change.EntitySet, body, cancellationToken).ConfigureAwait(false);
                    return created.Error;
                }

                WithoutKey(change.EntitySet, body);
                return body.Count == 0 ? null : (await _finOps.UpdateAsync(change.FinOpsRecord, body, cancellationToken).ConfigureAwait(false)).Error;
            case "PATCH":
                return (await _finOps.UpdateAsync(change.FinOpsRecord, body, cancellationToken).ConfigureAwait(false)).Error;
            case "DELETE":
                // A record already gone counts as deleted.
                return (await _finOps.DeleteAsync(change.FinOpsRecord, cancellationToken).ConfigureAwait(false)).Error;
            default:
                return new ODataError(System.Net.HttpStatusCode.BadRequest, null, "DualWrite does not know the queued operation '" + change.Operation + "'.", null, "F&O", change.ToString());
        }
    }

    /// <summary>The key addresses the record in an update; F&amp;O does not take it in the body.</summary>
    private void WithoutKey(string entitySet, JsonObject body)
    {
        if (_catalog.ForFinOpsEntitySet(entitySet) is not { } map)
        {
            return;
        }

        foreach (var key in map.FinOps.KeyFields)
        {
            body.Remove(key);
        }

        if (map.Company is { } company)
        {
            body.Remove(company.FinOpsField);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Map '{Map}': sent {Count} change(s) saved in Dataverse while it was paused to F&O; its saves write through again.")]
    private partial void LogQueueSent(string map, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}': sent queued change {Change} to F&O.")]
    private partial void LogSent(string map, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map '{Map}': F&O refused queued change {Change} (attempt {Attempt}): {Reason} It stays queued, holding back the record's later changes; fix the cause in F&O, or delete the row in Dataverse's dw_queuedchange to drop it.")]
    private partial void LogRefused(string map, string change, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map '{Map}': F&O did not take queued change {Change} ({Error}); trying again later.")]
    private partial void LogFinOpsUnavailable(string map, string change, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued changes: could not {Action}: {Error}; trying again later.")]
    private partial void LogDataverseFailed(string action, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued changes: this instance does not send them (DualWrite:QueuedChanges:Enabled is false); another instance must.")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Queued changes: a pass failed; trying again later.")]
    private partial void LogPassFailed(Exception exception);
}
