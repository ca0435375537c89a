using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Clients.FinOps;

/// <summary>
/// F&amp;O's OData endpoint (<c>/data/</c>) as typed calls: read by key, query with paging, create, update,
/// delete, <c>$batch</c>. Every read says <c>cross-company=true</c>: keys and filters name the company
/// themselves, and without it F&amp;O answers from the caller's default company only. Error reasons come
/// from <c>innererror.message</c>.
/// </summary>
public sealed class FinOpsClient
{
    private const string CrossCompany = "cross-company=true";

    private readonly ODataTransport _transport;

    /// <param name="http">An HttpClient whose handlers add the bearer token and resilience.</param>
    /// <param name="dataRoot"><c>https://env.operations.dynamics.com/data/</c>.</param>
    public FinOpsClient(HttpClient http, Uri dataRoot, TimeProvider timeProvider)
    {
        _transport = new ODataTransport(http, dataRoot, "F&O", preferInnerMessage: true, timeProvider);
    }

    public Uri DataRoot => _transport.ServiceRoot;

    /// <summary>GET one record by entity path (<c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>); null on 404.</summary>
    public Task<ODataResult<JsonObject?>> GetAsync(string entityPath, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var query = new ODataQuery { Select = select, Extra = new[] { CrossCompany } }.ToQueryString();
        return _transport.GetRecordAsync(entityPath + "?" + query, cancellationToken);
    }

    public Task<ODataResult<ODataPage>> QueryPageAsync(string entitySet, ODataQuery query, CancellationToken cancellationToken) =>
        _transport.GetPageAsync(_transport.Resolve(entitySet + "?" + WithCrossCompany(query).ToQueryString()), null, cancellationToken);

    public Task<ODataResult<ODataPage>> NextPageAsync(Uri nextLink, CancellationToken cancellationToken) =>
        _transport.GetPageAsync(nextLink, null, cancellationToken);

    /// <summary>Every row of a query across companies, following <c>@odata.nextLink</c>, at most <paramref name="maxRows"/>.</summary>
    public Task<ODataResult<IReadOnlyList<JsonObject>>> QueryAllAsync(string entitySet, ODataQuery query, int maxRows = int.MaxValue, CancellationToken cancellationToken = default) =>
        _transport.GetAllAsync(_transport.Resolve(entitySet + "?" + WithCrossCompany(query).ToQueryString()), null, maxRows, cancellationToken);

    /// <summary>POST a new record; returns the record F&amp;O answers with (201).</summary>
    public async Task<ODataResult<JsonObject?>> CreateAsync(string entitySet, JsonObject payload, CancellationToken cancellationToken)
    {
        var result = await _transport.SendAsync(HttpMethod.Post, entitySet, payload, null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? ODataResult<JsonObject?>.Success(result.Value!.Body) : ODataResult<JsonObject?>.Failure(result.Error);
    }

    /// <summary>PATCH an existing record by entity path (204).</summary>
    public async Task<ODataResult<bool>> UpdateAsync(string entityPath, JsonObject payload, CancellationToken cancellationToken)
    {
        var result = await _transport.SendAsync(HttpMethod.Patch, entityPath + "?" + CrossCompany, payload, null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? ODataResult<bool>.Success(true) : ODataResult<bool>.Failure(result.Error);
    }

    /// <summary>DELETE by entity path: true when deleted, false when it was not there (404).</summary>
    public async Task<ODataResult<bool>> DeleteAsync(string entityPath, CancellationToken cancellationToken)
    {
        var result = await _transport.SendAsync(HttpMethod.Delete, entityPath + "?" + CrossCompany, null, null, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return ODataResult<bool>.Success(true);
        }

        return result.Error.IsNotFound ? ODataResult<bool>.Success(false) : ODataResult<bool>.Failure(result.Error);
    }

    /// <summary>POST <c>$batch</c>; <paramref name="atomic"/> puts every operation in one changeset.</summary>
    public async Task<ODataResult<IReadOnlyList<BatchOperationResult>>> BatchAsync(IReadOnlyList<BatchOperation> operations, bool atomic, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("$batch"))
        {
            Content = ODataBatch.Write(operations, _transport.ServiceRoot, atomic, Guid.NewGuid().ToString("N")),
        };
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        return await BatchTransport.SendAsync(_transport, request, preferInnerMessage: true, cancellationToken).ConfigureAwait(false);
    }

    private static ODataQuery WithCrossCompany(ODataQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var extra = new List<string>(query.Extra ?? Array.Empty<string>());
        if (!extra.Contains(CrossCompany))
        {
            extra.Add(CrossCompany);
        }

        return new ODataQuery { Filter = query.Filter, Select = query.Select, OrderBy = query.OrderBy, Top = query.Top, Expand = query.Expand, Extra = extra };
    }
}
