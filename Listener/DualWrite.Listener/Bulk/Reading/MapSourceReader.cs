using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;
using DualWrite.Listener.Clients.OData;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>
/// Reads one side of a map by keyset paging: every request orders by the key columns and asks for the rows after
/// the previous page's last key, so a page is an independent query (no server cursor to expire, no $skip to grow,
/// resumable from a stored cursor) and only one page is held at a time. The service's page size preference sets the
/// page (F&amp;O up to 10,000 with <c>cross-company=true</c>, Dataverse up to 5,000); its next link only says
/// whether more rows follow.
/// </summary>
public sealed partial class MapSourceReader : IMapSourceReader
{
    public const int FinOpsMaxPageSize = 10_000;
    public const int DataverseMaxPageSize = 5_000;
    private const string CrossCompany = "cross-company=true";

    private readonly ODataTransport _finOps;
    private readonly ODataTransport _dataverse;
    private readonly ILogger<MapSourceReader> _logger;

    // Company code → cdm_companies id; companies are few and never change id.
    private readonly ConcurrentDictionary<string, Guid?> _companyIds = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="finOps">F&amp;O's data root (<c>/data/</c>) with the listener's HTTP pipeline.</param>
    /// <param name="dataverse">Dataverse's Web API root (<c>/api/data/v9.2/</c>) with the listener's HTTP pipeline.</param>
    public MapSourceReader(ODataTransport finOps, ODataTransport dataverse, ILogger<MapSourceReader> logger)
    {
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async IAsyncEnumerable<SourcePage> ReadAsync(SourceReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shape = await ShapeAsync(request, cancellationToken).ConfigureAwait(false);
        if (shape is null)
        {
            yield break; // a company Dataverse does not know has no rows there
        }

        var pageSize = PageSize(request);
        var after = request.After;
        while (true)
        {
            var filter = after is null ? shape.Filter : KeysetFilter.And(shape.Filter, KeysetFilter.After(shape.Keys, after));
            var url = Url(request.Side, shape, filter, shape.Select, KeysetFilter.OrderBy(shape.Keys), extra: null);
            var transport = Transport(request.Side);
            var result = await transport.GetPageAsync(url, pageSize, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new SourceReadException(request.Map.Name, request.Side, result.Error!);
            }

            var page = result.Value!;
            var last = page.Rows.Count == 0 ? null : CursorOf(shape.Keys, page.Rows[^1]);
            LogPage(request.Map.Name, request.Side, page.Rows.Count, last?.ToJson());
            if (page.Rows.Count > 0)
            {
                yield return new SourcePage(page.Rows, last);
            }

            // The next link says more rows follow this page; the next query starts after its last key instead.
            if (page.NextLink is null || last is null)
            {
                yield break;
            }

            after = last;
        }
    }

    /// <summary>How many rows the read covers (the map's filter and the company), for progress; null when the service will not say exactly.</summary>
    public async Task<long?> CountAsync(SourceReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shape = await ShapeAsync(request, cancellationToken).ConfigureAwait(false);
        if (shape is null)
        {
            return 0;
        }

        var filter = request.After is null ? shape.Filter : KeysetFilter.And(shape.Filter, KeysetFilter.After(shape.Keys, request.After));

        // One row of the key and the count of all: both services answer @odata.count with the whole match count.
        var url = Url(request.Side, shape, filter, new[] { shape.Keys.Count > 0 ? shape.Keys[0].Property : shape.Select[0] }, orderBy: null, extra: "$count=true");
        var result = await Transport(request.Side).SendAsync(
            HttpMethod.Get, url, null, new[] { new KeyValuePair<string, string>("Prefer", "odata.maxpagesize=1") }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new SourceReadException(request.Map.Name, request.Side, result.Error!);
        }

        var body = result.Value!.Body;

        // Dataverse stops counting at 5,000 and says so.
        if (body?["@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded"] is JsonValue exceeded && exceeded.TryGetValue<bool>(out var limited) && limited)
        {
            return null;
        }

        return body?["@odata.count"] is JsonValue count && count.TryGetValue<long>(out var total) ? total : null;
    }

    /// <summary>The cursor of a row: its key columns' values as text (numbers invariant, strings as they are).</summary>
    public static RecordCursor CursorOf(IReadOnlyList<KeyColumn> keys, JsonObject row)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(row);
        var fields = new string[keys.Count];
        var values = new string?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            fields[i] = keys[i].Property;
            values[i] = TextOf(row[keys[i].Property]);
        }

        return new RecordCursor(fields, values);
    }

    /// <summary>The shape of the read; null when the company is not in Dataverse (no rows there).</summary>
    public async Task<SourceShape?> ShapeAsync(SourceReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = request.Map.IsCompanySpecific ? request.Company : null;
        if (request.Side == SyncSide.FinOps)
        {
            return SourceShape.FinOps(request.Map, company);
        }

        if (company is null)
        {
            return SourceShape.Dataverse(request.Map, null);
        }

        var companyId = await CompanyIdAsync(request.Map, request.Map.Company!, company, cancellationToken).ConfigureAwait(false);
        return companyId is Guid id ? SourceShape.Dataverse(request.Map, id) : null;
    }

    private static string? TextOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
        _ => node.ToJsonString(),
    };

    private static int PageSize(SourceReadRequest request)
    {
        var cap = request.Side == SyncSide.FinOps ? FinOpsMaxPageSize : DataverseMaxPageSize;
        return request.PageSize <= 0 ? cap : Math.Min(request.PageSize, cap);
    }

    private ODataTransport Transport(SyncSide side) => side == SyncSide.FinOps ? _finOps : _dataverse;

    private Uri Url(SyncSide side, SourceShape shape, string? filter, IReadOnlyList<string> select, string? orderBy, string? extra)
    {
        var extras = new List<string>();
        if (side == SyncSide.FinOps)
        {
            extras.Add(CrossCompany);
        }

        if (extra is not null)
        {
            extras.Add(extra);
        }

        var query = new ODataQuery { Filter = filter, Select = select, OrderBy = orderBy, Extra = extras }.ToQueryString();
        return Transport(side).Resolve(shape.EntitySet + "?" + query);
    }

    private async Task<Guid?> CompanyIdAsync(TableMap map, CompanyStriping company, string code, CancellationToken cancellationToken)
    {
        if (_companyIds.TryGetValue(code, out var known))
        {
            return known;
        }

        var idColumn = company.LogicalName + "id";
        var query = new ODataQuery
        {
            Filter = company.CodeField + " eq " + ODataLiteral.Format(CompanyStriping.ToDataverseCode(code)),
            Select = new[] { idColumn },
        };
        var result = await _dataverse.GetPageAsync(_dataverse.Resolve(company.EntitySet + "?" + query.ToQueryString()), 1, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new SourceReadException(map.Name, SyncSide.Dataverse, result.Error!);
        }

        Guid? id = result.Value!.Rows.Count > 0 && Guid.TryParse(TextOf(result.Value.Rows[0][idColumn]), out var found) ? found : null;
        if (id is null)
        {
            LogUnknownCompany(map.Name, code);
        }

        _companyIds[code] = id;
        return id;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}', {Side}: read a page of {Rows} rows, last key {Last}")]
    private partial void LogPage(string map, SyncSide side, int rows, string? last);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map '{Map}': company '{Company}' is not in Dataverse's companies, so Dataverse has no rows of it")]
    private partial void LogUnknownCompany(string map, string company);
}
