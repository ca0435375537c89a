using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.SyncState;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// <c>dualwrite reconcile</c>'s engine: picks the maps, splits company-specific maps by company (so both sides order
/// by the same business key), and runs a <see cref="MapReconciler"/> for each. The master side is F&amp;O unless
/// <c>DualWrite:InitialSync:Master:&lt;map&gt;</c> says Dataverse, as for the initial sync.
/// </summary>
public sealed partial class Reconciler
{
    public const string MasterSection = "DualWrite:InitialSync:Master";

    private readonly MapCatalog _catalog;
    private readonly MapSourceReader _reader;
    private readonly MapReconciler _maps;
    private readonly FinOpsClient _finOps;
    private readonly DataverseClient _dataverse;
    private readonly IConfiguration _configuration;
    private readonly ILogger<Reconciler> _logger;

    /// <summary>A reconciler that saves no synced values and removes nothing (no state store).</summary>
    public Reconciler(
        MapCatalog catalog, MapSourceReader reader, BulkLookupResolver lookups, IBulkWriter writer, FinOpsClient finOps, DataverseClient dataverse,
        IConfiguration configuration, ILogger<Reconciler> logger)
        : this(catalog, reader, lookups, writer, finOps, dataverse, configuration, logger, null, null)
    {
    }

    /// <summary>
    /// A reconciler whose fixes save the records' last synced values in <paramref name="syncState"/>, and that can remove
    /// records F&amp;O deleted (<see cref="ReconcileRequest.RemoveDeleted"/>) through <paramref name="remover"/>.
    /// </summary>
    public Reconciler(
        MapCatalog catalog, MapSourceReader reader, BulkLookupResolver lookups, IBulkWriter writer, FinOpsClient finOps, DataverseClient dataverse,
        IConfiguration configuration, ILogger<Reconciler> logger, ISyncStateStore? syncState, DeletedRecordRemover? remover)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _maps = new MapReconciler(reader, lookups, writer, syncState: syncState, remover: remover);
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Runs the request. Throws <see cref="ReconcileConfigurationException"/> for a request that cannot run as asked and
    /// <see cref="SourceReadException"/> when a side cannot be read.
    /// </summary>
    public async Task<ReconcileReport> RunAsync(ReconcileRequest request, Action<ReconcileMapResult>? onMapDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var maps = Select(request.Maps);
        var plan = maps.Select(map => (Map: map, Master: request.Master ?? MasterOf(map))).ToList();
        if (request.Fix)
        {
            foreach (var (map, master) in plan)
            {
                var direction = master == SyncSide.FinOps ? SyncDirection.FinOpsToDataverse : SyncDirection.DataverseToFinOps;
                if (!map.Direction.Carries(direction))
                {
                    throw new ReconcileConfigurationException("Map '" + map.Name + "' does not carry values " + (master == SyncSide.FinOps ? "from F&O to Dataverse" : "from Dataverse to F&O")
                        + ", so --fix cannot push its master's values; set " + MasterSection + ":" + map.Name + " or leave it out of --maps.");
                }
            }
        }

        IReadOnlyList<string>? companies = null;
        var results = new List<ReconcileMapResult>();
        await using var report = new DifferenceReportFile(request.ReportPath);
        foreach (var (map, master) in plan)
        {
            IReadOnlyList<string?> scopes = new string?[] { null };
            if (map.IsCompanySpecific)
            {
                companies ??= request.Company is { } one ? new[] { one } : await CompaniesAsync(map.Company!, cancellationToken).ConfigureAwait(false);
                scopes = companies.Select(c => (string?)CompanyStriping.ToFinOpsCode(c)).ToList();
            }

            foreach (var company in scopes)
            {
                var finOps = (await _reader.ShapeAsync(new SourceReadRequest(map, SyncSide.FinOps, company, null, 0), cancellationToken).ConfigureAwait(false))!;
                var dataverse = await _reader.ShapeAsync(new SourceReadRequest(map, SyncSide.Dataverse, company, null, 0), cancellationToken).ConfigureAwait(false);
                var result = await _maps.RunAsync(map, company, master, request.Fix, finOps, dataverse, report, cancellationToken, request.RemoveDeleted).ConfigureAwait(false);
                LogMapDone(map.Name, company ?? "all", result.FinOpsRows, result.DataverseRows, result.MissingInDataverse, result.MissingInFinOps, result.RecordsDiffering, result.Fixed);
                results.Add(result);
                onMapDone?.Invoke(result);
            }
        }

        return new ReconcileReport(results, request.Fix, clock.Elapsed);
    }

    /// <summary>The master side of a map: F&amp;O unless configured Dataverse.</summary>
    public SyncSide MasterOf(TableMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var text = _configuration[MasterSection + ":" + map.Name];
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text, "FinOps", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "F&O", StringComparison.OrdinalIgnoreCase))
        {
            return SyncSide.FinOps;
        }

        return string.Equals(text, "Dataverse", StringComparison.OrdinalIgnoreCase)
            ? SyncSide.Dataverse
            : throw new ReconcileConfigurationException(MasterSection + ":" + map.Name + " is '" + text + "'; it can be FinOps or Dataverse.");
    }

    private List<TableMap> Select(IReadOnlyList<string> names)
    {
        if (names is null || names.Count == 0)
        {
            return _catalog.Maps.ToList();
        }

        var selected = new List<TableMap>();
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var map = _catalog.Maps.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.FinOps.EntitySet, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ReconcileConfigurationException("There is no map '" + name + "'. Maps: " + string.Join(", ", _catalog.Maps.Select(m => m.Name)) + ".");
            if (!selected.Contains(map))
            {
                selected.Add(map);
            }
        }

        return selected;
    }

    /// <summary>Every company either side knows: Dataverse's companies and F&amp;O's legal entities (through the map that joins them).</summary>
    private async Task<IReadOnlyList<string>> CompaniesAsync(CompanyStriping company, CancellationToken cancellationToken)
    {
        var codes = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var dataverse = await _dataverse.QueryAllAsync(company.EntitySet, new ODataQuery { Select = new[] { company.CodeField } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!dataverse.Succeeded)
        {
            throw new SourceReadException("Dataverse's companies could not be read: " + dataverse.Error);
        }

        codes.UnionWith(dataverse.Value!.Select(row => row[company.CodeField]?.GetValue<string>()).OfType<string>());
        var legalEntities = _catalog.Maps.FirstOrDefault(m => string.Equals(m.Dataverse.EntitySet, company.EntitySet, StringComparison.OrdinalIgnoreCase));
        var codeField = legalEntities?.Fields.FirstOrDefault(f => string.Equals(f.DataverseField, company.CodeField, StringComparison.Ordinal))?.FinOpsField;
        if (legalEntities is not null && codeField is not null)
        {
            var finOps = await _finOps.QueryAllAsync(legalEntities.FinOps.EntitySet, new ODataQuery { Select = new[] { codeField } }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!finOps.Succeeded)
            {
                throw new SourceReadException("F&O's legal entities could not be read: " + finOps.Error);
            }

            codes.UnionWith(finOps.Value!.Select(row => row[codeField]?.GetValue<string>()).OfType<string>());
        }

        return codes.Select(CompanyStriping.ToFinOpsCode).Distinct(StringComparer.Ordinal).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconcile, map '{Map}', company {Company}: {FinOpsRows} F&O rows, {DataverseRows} Dataverse rows; {MissingInDataverse} missing in Dataverse, {MissingInFinOps} missing in F&O, {Differing} differing; {Fixed} fixed")]
    private partial void LogMapDone(string map, string company, long finOpsRows, long dataverseRows, long missingInDataverse, long missingInFinOps, long differing, long @fixed);
}
