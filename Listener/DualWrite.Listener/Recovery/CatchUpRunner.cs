using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Dependencies;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Reconcile;
using DualWrite.Listener.MapStates;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Recovery;

/// <summary>
/// Brings into Dataverse what F&amp;O changed while its events were lost. F&amp;O's entities publish no change timestamp
/// (the applier dates a change by its event), so there is no watermark to read from: each map that carries F&amp;O to
/// Dataverse is reconciled with F&amp;O as master through the bulk path, in dependency order (parents first), fixing what
/// differs, creating what is missing and removing what F&amp;O deleted (only records the state store shows were synced).
/// While a map is caught up its live events wait behind the initial sync's loading mark, then apply in order: they read
/// F&amp;O again, so they can only bring newer values than the catch-up wrote.
/// </summary>
public sealed partial class CatchUpRunner
{
    private readonly MapCatalog _catalog;
    private readonly Reconciler _reconciler;
    private readonly IMapStateStore _mapStates;
    private readonly ILogger<CatchUpRunner> _logger;

    public CatchUpRunner(MapCatalog catalog, Reconciler reconciler, IMapStateStore mapStates, ILogger<CatchUpRunner> logger)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _reconciler = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        _mapStates = mapStates ?? throw new ArgumentNullException(nameof(mapStates));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Catches up every map that carries F&amp;O to Dataverse and is running. Throws what the reconcile throws (a side that
    /// cannot be read): the maps done so far stay done, and the caller tries again later.
    /// </summary>
    public async Task<CatchUpSummary> RunAsync(CatchUpReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var clock = Stopwatch.StartNew();
        var (maps, leftOut) = await SelectAsync(cancellationToken).ConfigureAwait(false);
        var since = reason.Since.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        LogStarting(reason.Why, since, string.Join(", ", maps.Select(m => m.Name)), leftOut.Count == 0 ? "none" : string.Join("; ", leftOut));
        var runId = CatchUpRun.Id(reason.Why + ", changes since " + since);
        long compared = 0, written = 0, removed = 0, notFixed = 0;
        foreach (var map in maps)
        {
            await _mapStates.StartLoadingAsync(map.Name, runId, CancellationToken.None).ConfigureAwait(false);
            try
            {
                var request = new ReconcileRequest([map.Name], null, Fix: true, ReportPath: null) { RemoveDeleted = true, Master = SyncSide.FinOps };
                var report = await _reconciler.RunAsync(request, null, cancellationToken).ConfigureAwait(false);
                foreach (var result in report.Maps)
                {
                    compared += result.FinOpsRows;
                    written += result.Fixed - result.Removed;
                    removed += result.Removed;
                    notFixed += Math.Max(0, result.Unresolved - result.MissingInFinOps + result.Removed);
                    foreach (var problem in result.Problems)
                    {
                        LogProblem(map.Name, problem);
                    }
                }
            }
            finally
            {
                // Whatever ends the map's catch-up releases its waiting events.
                await _mapStates.FinishLoadingAsync(map.Name, CancellationToken.None).ConfigureAwait(false);
                await _mapStates.ChangeMapStateAsync(map.Name, MapRunState.CatchingUp, MapRunState.CatchingUp, "catch-up finished; live events that waited are applied", CancellationToken.None).ConfigureAwait(false);
            }
        }

        var summary = new CatchUpSummary(maps.Select(m => m.Name).ToList(), leftOut, compared, written, removed, notFixed, clock.Elapsed);
        LogDone(summary.Elapsed.TotalSeconds, summary.Maps.Count, summary.Compared, summary.Fixed, summary.Removed, summary.NotFixed);
        return summary;
    }

    /// <summary>The maps to catch up, parents first; and the maps left out, each with why.</summary>
    private async Task<(List<TableMap> Maps, List<string> LeftOut)> SelectAsync(CancellationToken cancellationToken)
    {
        var states = (await _mapStates.GetMapStatesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.MapName, StringComparer.Ordinal);
        var plan = InitialSyncPlanner.Plan(_catalog.Maps);
        var byName = _catalog.Maps.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var ordered = plan.Waves.SelectMany(w => w).Concat(plan.Blocked).Distinct(StringComparer.Ordinal).Where(byName.ContainsKey).Select(n => byName[n]).ToList();
        ordered.AddRange(_catalog.Maps.Where(m => !ordered.Contains(m)));
        var maps = new List<TableMap>();
        var leftOut = new List<string>();
        foreach (var map in ordered.Where(m => m.Direction.Carries(SyncDirection.FinOpsToDataverse)))
        {
            var state = states.GetValueOrDefault(map.Name);
            switch (state?.State)
            {
                case MapRunState.NotRunning:
                    leftOut.Add(map.Name + " (stopped: not synced)");
                    break;
                case MapRunState.Paused:
                    leftOut.Add(map.Name + " (paused: after resuming it, `dualwrite reconcile --fix --maps \"" + map.Name + "\"` brings it up to date)");
                    break;
                case MapRunState.InitialSync:
                    leftOut.Add(map.Name + " (an initial sync is loading it)");
                    break;
                default:
                    maps.Add(map);
                    break;
            }
        }

        return (maps, leftOut);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up starting {Why}: F&O changes since {Since} may not have reached Dataverse. Reconciling F&O to Dataverse, map by map (its live events wait meanwhile): {Maps}. Left out: {LeftOut}")]
    private partial void LogStarting(string why, string since, string maps, string leftOut);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up done in {Seconds:0.0} s: {Maps} maps, {Compared} F&O rows compared, {Fixed} records written to Dataverse, {Removed} removed (deleted in F&O), {NotFixed} not fixed")]
    private partial void LogDone(double seconds, int maps, long compared, long @fixed, long removed, long notFixed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up, map '{Map}': {Problem}")]
    private partial void LogProblem(string map, string problem);
}
