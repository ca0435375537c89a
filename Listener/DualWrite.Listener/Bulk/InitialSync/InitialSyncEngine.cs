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
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Progress;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Reports;
using DualWrite.Listener.MapStates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// The initial sync: the selected maps in Core's dependency waves (a wave starts when the previous one has
/// finished; the maps of a wave load side by side), each from its master side (F&amp;O unless configured or
/// forced otherwise) and only where the map carries that way. A loading map counts as paused for the live
/// applier, so events that arrive meanwhile wait and are applied after it, in order. Unfinished runs are
/// refused unless the request says to resume or restart them.
/// </summary>
public sealed partial class InitialSyncEngine
{
    private readonly MapCatalog _catalog;
    private readonly MapLoader _loader;
    private readonly ISyncCheckpointStore _checkpoints;
    private readonly IMapStateStore _mapStates;
    private readonly InitialSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InitialSyncEngine> _logger;

    public InitialSyncEngine(
        MapCatalog catalog,
        MapLoader loader,
        ISyncCheckpointStore checkpoints,
        IMapStateStore mapStates,
        IOptions<InitialSyncOptions> options,
        TimeProvider timeProvider,
        ILogger<InitialSyncEngine> logger)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
        _checkpoints = checkpoints ?? throw new ArgumentNullException(nameof(checkpoints));
        _mapStates = mapStates ?? throw new ArgumentNullException(nameof(mapStates));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<InitialSyncSummary> RunAsync(InitialSyncRequest request, IInitialSyncProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress ??= SilentProgress.Instance;
        var clock = Stopwatch.StartNew();
        var runId = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var problems = new List<string>();
        var waves = Plan(request, problems);
        var starts = new Dictionary<string, SyncCheckpoint?>(StringComparer.Ordinal);
        foreach (var (map, direction) in waves.SelectMany(w => w))
        {
            var checkpoint = await _checkpoints.GetAsync(map.Name, direction, request.Company ?? string.Empty, cancellationToken).ConfigureAwait(false);
            starts[map.Name] = checkpoint;
            if (request.Mode == InitialSyncMode.Fresh && checkpoint is { IsUnfinished: true })
            {
                problems.Add("Map '" + map.Name + "' has an unfinished initial sync (run " + checkpoint.RunId + ", started " + checkpoint.StartedAt.ToString("u", CultureInfo.InvariantCulture)
                    + ", " + checkpoint.Written + " row(s) written): continue it with --resume, or start it over with --restart.");
            }
        }

        if (problems.Count > 0)
        {
            return new InitialSyncSummary(runId, Array.Empty<InitialSyncMapSummary>(), clock.Elapsed, Array.Empty<string>(), problems);
        }

        var report = request.ReportDirectory is null ? null : new RecordErrorReport(request.ReportDirectory, "initial-sync-" + runId);
        var results = new List<InitialSyncMapSummary>();
        try
        {
            var stopped = false;
            for (var wave = 0; wave < waves.Count; wave++)
            {
                if (stopped)
                {
                    results.AddRange(waves[wave].Select(m => NotRun(m.Map, wave + 1, m.Direction, "An earlier wave did not complete.")));
                    continue;
                }

                var number = wave + 1;
                var loads = waves[wave].Select(m => LoadAsync(runId, m.Map, number, m.Direction, request, starts[m.Map.Name], progress, report, cancellationToken)).ToList();
                var done = await Task.WhenAll(loads).ConfigureAwait(false);
                results.AddRange(done);
                stopped = done.Any(d => d.Status != InitialSyncMapStatus.Completed);
            }
        }
        finally
        {
            report?.Dispose();
        }

        var files = report is null ? Array.Empty<string>() : new[] { report.CsvPath, report.JsonPath };
        return new InitialSyncSummary(runId, results, clock.Elapsed, files, problems);
    }

    private async Task<InitialSyncMapSummary> LoadAsync(
        string runId, TableMap map, int wave, SyncDirection direction, InitialSyncRequest request, SyncCheckpoint? checkpoint, IInitialSyncProgress progress, RecordErrorReport? report, CancellationToken cancellationToken)
    {
        var resume = request.Mode == InitialSyncMode.Resume && checkpoint is { IsUnfinished: true };
        var startAfter = resume && checkpoint!.CursorJson is { } cursor ? RecordCursor.Parse(cursor) : null;
        var counters = new MapProgress(map.Name, wave, direction, null);
        progress.Track(counters);
        LogMapStarting(map.Name, wave, direction, resume ? "resuming after " + (checkpoint!.CursorJson ?? "the start") : "from the start");

        // Live events of the map wait while it loads; whatever ends the load releases them (they read the
        // source again when applied, so they can only bring newer values than the rows written so far).
        await _mapStates.StartLoadingAsync(map.Name, runId, cancellationToken).ConfigureAwait(false);
        try
        {
            return await _loader.LoadAsync(new MapLoadContext(runId, map, wave, direction, request.Company, startAfter, resume, counters, report), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _mapStates.FinishLoadingAsync(map.Name, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The selected maps by wave, each with the direction it loads in; unknown names and impossible directions are problems.</summary>
    private List<List<(TableMap Map, SyncDirection Direction)>> Plan(InitialSyncRequest request, List<string> problems)
    {
        var byName = _catalog.Maps.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        HashSet<string>? selected = null;
        if (request.Maps is { Count: > 0 } names)
        {
            selected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (byName.TryGetValue(name.Trim(), out var map))
                {
                    selected.Add(map.Name);
                }
                else
                {
                    problems.Add("No map is named '" + name.Trim() + "'. The maps: " + string.Join(", ", _catalog.Maps.Select(m => m.Name)) + ".");
                }
            }
        }

        var plan = InitialSyncPlanner.Plan(_catalog.Maps);
        var waves = new List<List<(TableMap, SyncDirection)>>();
        foreach (var wave in plan.Waves)
        {
            var loads = new List<(TableMap, SyncDirection)>();
            foreach (var name in wave)
            {
                var map = byName[name];
                if (selected is not null && !selected.Contains(map.Name))
                {
                    continue;
                }

                var direction = request.Direction ?? MasterDirection(map);
                if (map.Direction.Carries(direction))
                {
                    loads.Add((map, direction));
                }
                else if (selected is not null)
                {
                    problems.Add("Map '" + map.Name + "' runs " + map.Direction + ": it cannot load " + direction + ".");
                }
            }

            if (loads.Count > 0)
            {
                waves.Add(loads);
            }
        }

        // Named on purpose, a map the planner cannot place is a problem; in an all-maps run it is left out, as before.
        foreach (var blocked in plan.Blocked.Where(b => selected is not null && selected.Contains(b)))
        {
            problems.Add("Map '" + blocked + "' is in a dependency cycle; the planner cannot place it in a wave (see `dualwrite maps plan`).");
        }

        return waves;
    }

    private SyncDirection MasterDirection(TableMap map) =>
        _options.Master.TryGetValue(map.Name, out var side) && string.Equals(side, "Dataverse", StringComparison.OrdinalIgnoreCase)
            ? SyncDirection.DataverseToFinOps
            : SyncDirection.FinOpsToDataverse;

    private static InitialSyncMapSummary NotRun(TableMap map, int wave, SyncDirection direction, string why) =>
        new(map.Name, wave, direction, InitialSyncMapStatus.NotRun, 0, 0, 0, 0, TimeSpan.Zero, false, why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Initial sync, wave {Wave}, map '{Map}' ({Direction}): loading, {From}")]
    private partial void LogMapStarting(string map, int wave, SyncDirection direction, string from);
}
