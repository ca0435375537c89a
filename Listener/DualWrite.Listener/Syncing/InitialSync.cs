using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Dependencies;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Processing;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Syncing;

/// <summary>
/// A simple initial sync F&amp;O → Dataverse: map by map in dependency waves (Core's InitialSyncPlanner), every
/// F&amp;O row of the map's filter through the same applier rules as live events (so a second run writes
/// nothing). Records waiting on a record of their own table (an invoice account) get a second pass at the
/// end of their wave. Not resumable and one record at a time: the initial-sync issue makes it fast.
/// </summary>
public sealed partial class InitialSync
{
    private const int FailuresKept = 5;

    private readonly MapCatalog _catalog;
    private readonly FinOpsClient _finOps;
    private readonly ChangeApplier _applier;
    private readonly TimeProvider _time;
    private readonly ILogger<InitialSync> _logger;

    public InitialSync(MapCatalog catalog, FinOpsClient finOps, ChangeApplier applier, TimeProvider timeProvider, ILogger<InitialSync> logger)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _applier = applier ?? throw new ArgumentNullException(nameof(applier));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<InitialSyncReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var plan = InitialSyncPlanner.Plan(_catalog.Maps);
        var results = new List<InitialSyncMapResult>();
        for (var wave = 0; wave < plan.Waves.Count; wave++)
        {
            foreach (var name in plan.Waves[wave])
            {
                var map = _catalog.Maps.First(m => m.Name == name);
                if (map.Direction.Carries(SyncDirection.FinOpsToDataverse))
                {
                    results.Add(await SyncMapAsync(map, wave + 1, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return new InitialSyncReport(results, clock.Elapsed);
    }

    private async Task<InitialSyncMapResult> SyncMapAsync(TableMap map, int wave, CancellationToken cancellationToken)
    {
        var rows = await _finOps.QueryAllAsync(map.FinOps.EntitySet, new ODataQuery { Filter = map.FinOps.FilterText }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!rows.Succeeded)
        {
            LogMapFailed(map.Name, rows.Error.ToString());
            return new InitialSyncMapResult(map.Name, wave, 0, 0, 0, 1, new[] { rows.Error.ToString() });
        }

        int applied = 0, skipped = 0;
        var failures = new List<string>();
        var later = new List<WaitingRecord>();
        foreach (var row in rows.Value!)
        {
            var outcome = await _applier.SyncRecordAsync(map, row, _time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            Count(outcome, ref applied, ref skipped, failures, row, later);
        }

        // Second pass: parents of the same table (an invoice account) now exist.
        var retry = later.ToList();
        later.Clear();
        foreach (var waiting in retry)
        {
            var outcome = await _applier.SyncRecordAsync(map, waiting.Row, _time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            Count(outcome, ref applied, ref skipped, failures, waiting.Row, later);
        }

        // The applier's reason names the map, the key, the lookup field and the missing Dataverse row.
        foreach (var waiting in later)
        {
            failures.Add(waiting.Reason + " Still missing after the map's second pass.");
        }

        LogMapDone(map.Name, wave, rows.Value!.Count, applied, skipped, failures.Count);
        return new InitialSyncMapResult(map.Name, wave, rows.Value.Count, applied, skipped, failures.Count, failures.Take(FailuresKept).ToList());
    }

    private static void Count(ApplyOutcome outcome, ref int applied, ref int skipped, List<string> failures, System.Text.Json.Nodes.JsonObject row, List<WaitingRecord> later)
    {
        switch (outcome.Kind)
        {
            case ApplyOutcomeKind.Applied:
                applied++;
                break;
            case ApplyOutcomeKind.Skipped:
                skipped++;
                break;
            case ApplyOutcomeKind.WaitForRecord or ApplyOutcomeKind.RetryLater:
                later.Add(new WaitingRecord(row, outcome.Reason ?? outcome.ToString()));
                break;
            default:
                failures.Add(outcome.Reason ?? outcome.ToString());
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Initial sync, wave {Wave}, map '{Map}': {Read} read, {Applied} written, {Skipped} already equal or filtered out, {Failed} failed")]
    private partial void LogMapDone(string map, int wave, int read, int applied, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Initial sync of map '{Map}' could not read F&O: {Reason}")]
    private partial void LogMapFailed(string map, string reason);
}
